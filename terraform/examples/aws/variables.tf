variable "region" {
  description = "AWS region."
  type        = string
  default     = "eu-west-2"
}

variable "vpc_id" {
  description = "VPC of the grid."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets in at least two availability zones."
  type        = list(string)
}

variable "ami_id" {
  description = "AMI with Java 17+ and /opt/wedsync/grid-node.jar."
  type        = string
}

variable "member_capacity_ops_per_second" {
  description = "Ops/s one member serves within the latency target, from a loadtest run on the chosen instance type."
  type        = number
  default     = 10000
}

variable "data_mib" {
  description = "Primary data volume per data class in MiB."
  type        = map(number)
  default     = { wedding_data = 2000, vendor_responses = 1500, guest_interactions = 1000, photo_thumbnails = 800, system_cache = 50 }
}

variable "client_security_group_ids" {
  description = "Security groups of the services that use grid-client."
  type        = list(string)
  default     = []
}

variable "monitoring_security_group_ids" {
  description = "Security groups of Prometheus."
  type        = list(string)
  default     = []
}

variable "admin_token" {
  description = "GRID_ADMIN_TOKEN of the members (Prometheus sends it as a bearer token)."
  type        = string
  default     = null
  sensitive   = true
}

variable "time_zone" {
  description = "Time zone of the weddings, for the Saturday pre-scaling."
  type        = string
  default     = "Europe/London"
}

variable "cloudwatch_scaling" {
  description = "Scale the group on the member count the nodes ask for, which they then publish to CloudWatch (namespace WedSyncGrid)."
  type        = bool
  default     = false
}

variable "management_center" {
  description = "Management Center (see the module's variable)."
  type = object({
    enabled               = bool
    ami_id                = optional(string)
    subnet_id             = optional(string)
    ui_security_group_ids = optional(list(string), [])
  })
  default = { enabled = false }
}
