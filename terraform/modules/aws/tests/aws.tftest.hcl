# Plans the module against a mocked AWS provider, sized by the sizing module for the spec's figures.

mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }
}

variables {
  vpc_id                        = "vpc-0123456789abcdef0"
  subnet_ids                    = ["subnet-0a", "subnet-0b", "subnet-0c"]
  ami_id                        = "ami-0123456789abcdef0"
  client_security_group_ids     = ["sg-services"]
  monitoring_security_group_ids = ["sg-prometheus"]
}

run "sizing" {
  command = plan
  module {
    source = "../sizing"
  }
}

run "group_spans_the_zones_between_baseline_and_peak" {
  command = plan
  variables {
    sizing = run.sizing
  }

  assert {
    condition     = aws_autoscaling_group.member.min_size == 13 && aws_autoscaling_group.member.max_size == 96
    error_message = "The group should run 13 to 94 + 2 members: ${aws_autoscaling_group.member.min_size}-${aws_autoscaling_group.member.max_size}."
  }
  assert {
    condition     = length(aws_autoscaling_group.member.vpc_zone_identifier) == 3
    error_message = "The group should span every given subnet (zone)."
  }
  assert {
    condition     = one(aws_autoscaling_group.member.initial_lifecycle_hook).heartbeat_timeout == 90
    error_message = "The terminating hook should hold an instance for the 60 s grace period and 30 s more."
  }
}

run "members_run_grid_node_with_the_sizing_and_aws_discovery" {
  command = plan
  variables {
    sizing = run.sizing
  }

  assert {
    condition = alltrue([for line in [
      "GRID_DISCOVERY=aws", "GRID_CLUSTER_NAME=wedsync-grid", "GRID_MEMORY_LIMIT=1638m", "GRID_SHUTDOWN_TIMEOUT=45s",
      "GRID_PARTITION_GROUP=ZONE_AWARE", "GRID_AWS_TAG_VALUE=wedsync-grid", "SATURDAY_BOOST_MULTIPLIER=5", "GRID_SCALING_MAXMEMBERS=96",
      "JAVA_TOOL_OPTIONS=-Xms4096m -Xmx4096m", "TimeoutStopSec=60", "KillSignal=SIGTERM",
      "ExecStart=/usr/bin/java -jar /opt/wedsync/grid-node.jar", "autoscaling/target-lifecycle-state",
    ] : strcontains(base64decode(aws_launch_template.member.user_data), line)])
    error_message = "The user data should carry the sizing's environment, AWS discovery and the graceful stop."
  }
  assert {
    condition     = aws_launch_template.member.metadata_options[0].http_tokens == "required"
    error_message = "Instances should require IMDSv2."
  }
  assert {
    condition     = !contains(output.member_environment_keys, "GRID_ADMIN_TOKEN")
    error_message = "Without admin_token no token variable is set."
  }
}

run "role_may_only_describe_instances" {
  command = plan
  variables {
    sizing = run.sizing
  }

  assert {
    condition = (length(data.aws_iam_policy_document.member.statement) == 1
    && toset(data.aws_iam_policy_document.member.statement[0].actions) == toset(["ec2:DescribeInstances"]))
    error_message = "The members' role should allow ec2:DescribeInstances and nothing else."
  }
}

run "member_port_only_from_members_and_clients_actuator_only_from_monitoring" {
  command = plan
  variables {
    sizing = run.sizing
  }

  assert {
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.member)) == toset(["members", "client-0", "monitoring-0"])
    error_message = "Ingress should come from members, clients and monitoring only: ${jsonencode(keys(aws_vpc_security_group_ingress_rule.member))}."
  }
  assert {
    condition = (aws_vpc_security_group_ingress_rule.member["client-0"].from_port == 5701
      && aws_vpc_security_group_ingress_rule.member["client-0"].to_port == 5701
      && aws_vpc_security_group_ingress_rule.member["members"].from_port == 5701
      && aws_vpc_security_group_ingress_rule.member["monitoring-0"].from_port == 8080
    && aws_vpc_security_group_ingress_rule.member["monitoring-0"].referenced_security_group_id == "sg-prometheus")
    error_message = "Clients and members get 5701 only, monitoring the actuator port 8080 only."
  }
}

run "fridays_before_saturdays_prescale_and_sundays_lower_the_floor" {
  command = plan
  variables {
    sizing    = run.sizing
    time_zone = "Europe/London"
  }

  assert {
    condition = (aws_autoscaling_schedule.prescale["season_saturday_up"].recurrence == "0 22 * 5-10 5"
      && aws_autoscaling_schedule.prescale["season_saturday_up"].min_size == 94
      && aws_autoscaling_schedule.prescale["season_saturday_up"].desired_capacity == 94
    && aws_autoscaling_schedule.prescale["season_saturday_up"].time_zone == "Europe/London")
    error_message = "Season Saturdays should be pre-scaled to 94 members at 22:00 on Fridays, local time."
  }
  assert {
    condition = (aws_autoscaling_schedule.prescale["offseason_weekday"].min_size == 13
    && aws_autoscaling_schedule.prescale["offseason_weekday"].desired_capacity == -1)
    error_message = "Sundays should lower the floor to 13 and leave the desired count to the policy (one member at a time)."
  }
}

run "cloudwatch_scaling_adds_the_policy_and_only_put_metric_data" {
  command = plan
  variables {
    sizing             = run.sizing
    cloudwatch_scaling = { enabled = true, namespace = "WedSync/Grid" }
  }

  assert {
    condition     = length(aws_autoscaling_policy.desired_members) == 1 && aws_autoscaling_policy.desired_members[0].target_tracking_configuration[0].target_value == 100
    error_message = "The desired-members policy should target 100 % of desired over in-service members."
  }
  assert {
    condition     = length(data.aws_iam_policy_document.member.statement) == 2 && toset(data.aws_iam_policy_document.member.statement[1].actions) == toset(["cloudwatch:PutMetricData"])
    error_message = "Publishing the metric should add cloudwatch:PutMetricData only."
  }
  assert {
    condition = one([for c in data.aws_iam_policy_document.member.statement[1].condition : c
    if c.variable == "cloudwatch:namespace" && c.test == "StringEquals" && toset(c.values) == toset(["WedSync/Grid"])]) != null
    error_message = "cloudwatch:PutMetricData should be limited to the namespace."
  }
  assert {
    condition     = strcontains(base64decode(aws_launch_template.member.user_data), "GRID_CLOUDWATCH_ENABLED=true\nGRID_CLOUDWATCH_NAMESPACE=WedSync/Grid\n")
    error_message = "The members should publish to the namespace the policy reads."
  }
}

# What grid-node publishes (its CloudWatchExportIT decodes the PutMetricData request): metric name, namespace and
# the whole set of dimensions must match, or the policy tracks a metric that never gets data.
run "the_policy_reads_the_metric_grid_node_publishes" {
  command = plan
  variables {
    sizing             = run.sizing
    cloudwatch_scaling = { enabled = true }
  }

  assert {
    condition = alltrue([for m in aws_autoscaling_policy.desired_members[0].target_tracking_configuration[0].customized_metric_specification[0].metrics :
      m.metric_stat[0].metric[0].namespace == "WedSyncGrid"
      && m.metric_stat[0].metric[0].metric_name == "grid.scaling.desired.members.value"
      && m.metric_stat[0].stat == "Maximum"
      && { for d in m.metric_stat[0].metric[0].dimensions : d.name => d.value } == { application = "grid-node", cluster = "wedsync-grid" }
    if m.id == "desired"])
    error_message = "The policy should read grid.scaling.desired.members.value in WedSyncGrid with the dimensions application=grid-node and cluster=<name>."
  }
  assert {
    condition     = length([for m in aws_autoscaling_policy.desired_members[0].target_tracking_configuration[0].customized_metric_specification[0].metrics : m if m.id == "desired"]) == 1
    error_message = "The policy should have one desired-members metric."
  }
}

run "an_aws_namespace_is_rejected" {
  command = plan
  variables {
    sizing             = run.sizing
    cloudwatch_scaling = { enabled = true, namespace = "AWS/EC2" }
  }
  expect_failures = [var.cloudwatch_scaling]
}

run "no_scaling_policy_without_the_metric" {
  command = plan
  variables {
    sizing = run.sizing
  }

  assert {
    condition     = length(aws_autoscaling_policy.desired_members) == 0
    error_message = "Without the CloudWatch export there is no metric to scale on."
  }
  assert {
    condition     = !strcontains(base64decode(aws_launch_template.member.user_data), "GRID_CLOUDWATCH")
    error_message = "Without CloudWatch scaling the members should not publish to CloudWatch."
  }
}

run "management_center_reaches_the_member_port" {
  command = plan
  variables {
    sizing            = run.sizing
    management_center = { enabled = true, ami_id = "ami-mc", subnet_id = "subnet-0a", ui_security_group_ids = ["sg-ops"] }
  }

  assert {
    condition     = length(aws_instance.management_center) == 1 && aws_vpc_security_group_ingress_rule.member["management-center"].from_port == 5701
    error_message = "Management Center should get an instance and the member port."
  }
  assert {
    condition     = strcontains(aws_instance.management_center[0].user_data, "MC_DEFAULT_CLUSTER='wedsync-grid'")
    error_message = "Management Center should be pointed at the cluster."
  }
}

run "management_center_without_an_ami_is_rejected" {
  command = plan
  variables {
    sizing            = run.sizing
    management_center = { enabled = true }
  }
  expect_failures = [var.management_center]
}

run "a_16_character_admin_token_reaches_the_members" {
  command = plan
  variables {
    sizing      = run.sizing
    admin_token = "sixteen-chars..."
  }
  assert {
    condition     = contains(output.member_environment_keys, "GRID_ADMIN_TOKEN")
    error_message = "A valid admin_token should reach the members' environment."
  }
}

run "a_short_admin_token_is_rejected" {
  command = plan
  variables {
    sizing      = run.sizing
    admin_token = "fifteen-chars.."
  }
  expect_failures = [var.admin_token]
}

run "a_single_zone_is_rejected" {
  command = plan
  variables {
    sizing     = run.sizing
    subnet_ids = ["subnet-0a"]
  }
  expect_failures = [var.subnet_ids]
}
