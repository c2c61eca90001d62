locals {
  member_port = 5701
  http_port   = 8080
  # Hazelcast's AWS discovery looks for instances with this tag; grid-node passes it to AwsConfig.
  discovery_tag = "wedsync:grid-cluster"
  tags          = merge(var.tags, { (local.discovery_tag) = var.name })
  max_members   = coalesce(var.max_members, var.sizing.members.season_saturday + 2)

  public_environment = merge(var.sizing.environment, {
    GRID_CLUSTER_NAME = var.name
    GRID_DISCOVERY    = "aws"
    GRID_PORT         = tostring(local.member_port)
    GRID_HTTP_PORT    = tostring(local.http_port)
    # The node's advisor stays within what the group may grow to.
    GRID_SCALING_MAXMEMBERS = tostring(local.max_members)
    GRID_AWS_TAG_KEY        = local.discovery_tag
    GRID_AWS_TAG_VALUE      = var.name
    GRID_PARTITION_GROUP    = "ZONE_AWARE"
  }, var.alert_webhook == null ? {} : { GRID_ALERT_WEBHOOK = var.alert_webhook }, local.cloudwatch_environment)
  # grid-node's CloudWatch export: credentials from the instance role, region from the instance metadata.
  cloudwatch_environment = var.cloudwatch_scaling.enabled ? {
    GRID_CLOUDWATCH_ENABLED   = "true"
    GRID_CLOUDWATCH_NAMESPACE = var.cloudwatch_scaling.namespace
  } : {}
  # The metric as the export publishes it (grid-node's CloudWatchExportIT checks the request): Micrometer's CloudWatch
  # registry keeps the meter's name, grid.scaling.desired.members, and appends ".value" to a gauge's; the dimensions
  # are the cluster and Spring Boot's common tag application=grid-node.
  desired_members_metric = {
    name       = "grid.scaling.desired.members.value"
    dimensions = { application = "grid-node", cluster = var.name }
  }
  # Whether a token is set is no secret; the token is.
  has_admin_token = nonsensitive(var.admin_token != null)
  environment     = merge(local.public_environment, local.has_admin_token ? { GRID_ADMIN_TOKEN = var.admin_token } : {})
}
