output "autoscaling_group_name" {
  description = "The members' Auto Scaling group."
  value       = aws_autoscaling_group.member.name
}

output "member_security_group_id" {
  description = "The members' security group (add it to a client's rules the other way round if needed)."
  value       = aws_security_group.member.id
}

output "member_role_arn" {
  description = "The members' IAM role (ec2:DescribeInstances only, plus cloudwatch:PutMetricData when scaling on CloudWatch)."
  value       = aws_iam_role.member.arn
}

output "member_environment_keys" {
  description = "Names of the variables each member gets (values hold the admin token)."
  value       = sort(concat(keys(local.public_environment), local.has_admin_token ? ["GRID_ADMIN_TOKEN"] : []))
}

output "management_center_private_ip" {
  description = "Management Center's address (UI on port 8081); null when not enabled."
  value       = var.management_center.enabled ? aws_instance.management_center[0].private_ip : null
}
