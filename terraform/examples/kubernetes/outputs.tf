output "members" {
  description = "Members for an ordinary day, a season weekday, a Saturday and a season Saturday."
  value       = module.sizing.members
}

output "yaml" {
  description = "Every object as YAML, for kubectl apply -f -."
  value       = module.manifests.yaml
}
