resource "aws_launch_template" "member" {
  name_prefix            = "${var.name}-member-"
  image_id               = var.ami_id
  instance_type          = var.instance_type
  vpc_security_group_ids = [aws_security_group.member.id]
  user_data = base64encode(templatefile("${path.module}/templates/member-user-data.sh.tftpl", {
    environment          = local.environment
    jar_path             = var.jar_path
    grace_period_seconds = var.sizing.shutdown.grace_period_seconds
  }))

  iam_instance_profile {
    arn = aws_iam_instance_profile.member.arn
  }

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  tag_specifications {
    resource_type = "instance"
    tags          = local.tags
  }

  tags = local.tags
}

resource "aws_autoscaling_group" "member" {
  name                      = var.name
  vpc_zone_identifier       = var.subnet_ids
  min_size                  = var.sizing.members.baseline
  max_size                  = local.max_members
  health_check_type         = "EC2"
  health_check_grace_period = 120
  default_instance_warmup   = 120
  # GroupInServiceInstances is the denominator of the desired-members target.
  enabled_metrics     = ["GroupInServiceInstances"]
  metrics_granularity = "1Minute"

  launch_template {
    id      = aws_launch_template.member.id
    version = aws_launch_template.member.latest_version
  }

  # Holds a terminating instance while grid-node hands its partitions over (the watcher in the user data).
  initial_lifecycle_hook {
    name                 = "graceful-shutdown"
    lifecycle_transition = "autoscaling:EC2_INSTANCE_TERMINATING"
    heartbeat_timeout    = var.sizing.shutdown.grace_period_seconds + 30
    default_result       = "CONTINUE"
  }

  dynamic "tag" {
    for_each = local.tags
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }

  lifecycle {
    # The schedules and the scaling policy own the size.
    ignore_changes = [desired_capacity]
  }
}
