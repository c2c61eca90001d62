# Calendar pre-scaling: Friday evening up to the Saturday count (season or not); Sunday night the floor goes back
# down and the desired-members policy scales in, one member at a time as the node advises.
resource "aws_autoscaling_schedule" "prescale" {
  for_each               = var.sizing.prescale_schedules
  scheduled_action_name  = "${var.name}-${replace(each.key, "_", "-")}"
  autoscaling_group_name = aws_autoscaling_group.member.name
  recurrence             = each.value.cron
  time_zone              = var.time_zone
  min_size               = each.value.members
  max_size               = local.max_members
  # -1 leaves the desired capacity alone (the provider defaults to 0): only the floor goes down on Sundays.
  desired_capacity = endswith(each.key, "_up") ? each.value.members : -1
}

# Target tracking on desired / in service: at 100 % the group has the members the node's advisor asks for;
# at 130 % it grows by 30 %. Every member publishes the same advice, hence Maximum.
resource "aws_autoscaling_policy" "desired_members" {
  count                  = var.cloudwatch_scaling.enabled ? 1 : 0
  name                   = "${var.name}-desired-members"
  autoscaling_group_name = aws_autoscaling_group.member.name
  policy_type            = "TargetTrackingScaling"

  target_tracking_configuration {
    target_value = 100

    customized_metric_specification {
      metrics {
        id          = "desired"
        return_data = false
        metric_stat {
          stat = "Maximum"
          metric {
            namespace   = var.cloudwatch_scaling.namespace
            metric_name = local.desired_members_metric.name
            dynamic "dimensions" {
              for_each = local.desired_members_metric.dimensions
              content {
                name  = dimensions.key
                value = dimensions.value
              }
            }
          }
        }
      }
      metrics {
        id          = "in_service"
        return_data = false
        metric_stat {
          stat = "Average"
          metric {
            namespace   = "AWS/AutoScaling"
            metric_name = "GroupInServiceInstances"
            dimensions {
              name  = "AutoScalingGroupName"
              value = aws_autoscaling_group.member.name
            }
          }
        }
      }
      metrics {
        id          = "ratio"
        label       = "desired members as a percentage of those in service"
        expression  = "100 * desired / in_service"
        return_data = true
      }
    }
  }
}
