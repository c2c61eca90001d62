variable "name" {
  description = "Cluster name (GRID_CLUSTER_NAME) and the prefix of every resource."
  type        = string
  default     = "wedsync-grid"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "name must be 2-31 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "vpc_id" {
  description = "VPC of the members."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets, one per availability zone, that the members spread across (zone-aware backups need two zones at least)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids needs subnets in at least two availability zones, or a zone outage takes owners and backups together."
  }
}

variable "ami_id" {
  description = "AMI with Java 17+ and grid-node.jar at jar_path (baked, for example, by Packer after `mvn package`)."
  type        = string
}

variable "jar_path" {
  description = "Where the AMI holds grid-node.jar."
  type        = string
  default     = "/opt/wedsync/grid-node.jar"
}

variable "instance_type" {
  description = "Member instance type; it needs at least sizing.container_memory_mib of memory."
  type        = string
  default     = "m6i.large"
}

variable "sizing" {
  description = "The sizing module's outputs (pass the whole module: `sizing = module.sizing`)."
  type = object({
    members            = object({ baseline = number, season = number, saturday = number, season_saturday = number })
    environment        = map(string)
    shutdown           = object({ timeout_seconds = number, grace_period_seconds = number })
    prescale_schedules = map(object({ cron = string, members = number }))
  })
}

variable "max_members" {
  description = "Largest size of the group; null: the season-Saturday count plus 2 for the node's reactive step."
  type        = number
  default     = null
}

variable "client_security_group_ids" {
  description = "Security groups of the services (grid-client) that may reach the members on 5701."
  type        = list(string)
  default     = []
}

variable "monitoring_security_group_ids" {
  description = "Security groups of Prometheus (or other monitoring) that may reach the actuator port."
  type        = list(string)
  default     = []
}

variable "admin_token" {
  description = "GRID_ADMIN_TOKEN (bearer token of every endpoint but health); null leaves those endpoints to loopback. It travels in the instance's user data."
  type        = string
  default     = null
  sensitive   = true

  validation {
    # grid-node refuses a shorter token at start-up; refusing it here fails the plan, not every member's boot.
    condition     = var.admin_token == null ? true : (length(var.admin_token) >= 16 && length(regexall("\\s", var.admin_token)) == 0)
    error_message = "admin_token must have at least 16 characters and no white space (for example: openssl rand -hex 32)."
  }
}

variable "alert_webhook" {
  description = "GRID_ALERT_WEBHOOK: http(s) URL that receives alert and scaling changes; null for none."
  type        = string
  default     = null
}

variable "time_zone" {
  description = "IANA time zone of the pre-scaling schedules (the weddings' local time)."
  type        = string
  default     = "UTC"
}

variable "cloudwatch_scaling" {
  description = "Scale on the member count the nodes' advisor asks for: turns on grid-node's CloudWatch export (GRID_CLOUDWATCH_*), adds the target-tracking policy on the metric it publishes, and cloudwatch:PutMetricData, limited to the namespace, to the role."
  type = object({
    enabled   = bool
    namespace = optional(string, "WedSyncGrid")
  })
  default = { enabled = false }

  validation {
    condition     = can(regex("^[0-9A-Za-z._/#: -]{1,255}$", var.cloudwatch_scaling.namespace)) && trimspace(var.cloudwatch_scaling.namespace) != "" && !startswith(var.cloudwatch_scaling.namespace, "AWS/") && !startswith(var.cloudwatch_scaling.namespace, ":")
    error_message = "cloudwatch_scaling.namespace must be 1-255 letters, digits or . - _ / # : and spaces, not blank, not starting with ':' or 'AWS/' (grid-node rejects it otherwise)."
  }
}

variable "management_center" {
  description = "Optional Management Center instance (hazelcast/management-center, 5.7 line; at most 3 members shown without a license)."
  type = object({
    enabled               = bool
    ami_id                = optional(string)
    instance_type         = optional(string, "t3.medium")
    subnet_id             = optional(string)
    ui_security_group_ids = optional(list(string), [])
    image                 = optional(string, "hazelcast/management-center:5.7")
  })
  default = { enabled = false }

  validation {
    condition     = !var.management_center.enabled || (var.management_center.ami_id != null && var.management_center.subnet_id != null)
    error_message = "management_center needs ami_id (with Docker and the AWS CLI) and subnet_id when enabled."
  }
}

variable "tags" {
  description = "Tags of every resource, merged once with the cluster tag discovery uses."
  type        = map(string)
  default     = {}
}
