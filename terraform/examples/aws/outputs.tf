output "members" {
  description = "Members for an ordinary day, a season weekday, a Saturday and a season Saturday."
  value       = module.sizing.members
}

output "memory_limit" {
  description = "GRID_MEMORY_LIMIT of each member."
  value       = module.sizing.memory_limit
}

output "autoscaling_group_name" {
  description = "The members' Auto Scaling group."
  value       = module.grid.autoscaling_group_name
}
