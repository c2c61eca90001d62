variable "name" {
  description = "Cluster name (GRID_CLUSTER_NAME), StatefulSet and Service name."
  type        = string
  default     = "wedsync-grid"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "name must be 2-31 lowercase letters, digits or dashes, starting with a letter (a DNS label)."
  }
}

variable "namespace" {
  description = "Namespace of every object."
  type        = string
  default     = "wedsync-grid"
}

variable "image" {
  description = "grid-node image (built from grid-node/Dockerfile)."
  type        = string
}

variable "sizing" {
  description = "The sizing module's outputs (`sizing = module.sizing`)."
  type = object({
    members              = object({ baseline = number, season = number, saturday = number, season_saturday = number })
    environment          = map(string)
    container_memory_mib = number
    shutdown             = object({ timeout_seconds = number, grace_period_seconds = number })
    prescale_windows     = map(object({ start = string, end = string, members = number }))
  })
}

variable "max_members" {
  description = "Most replicas the scaler may set; null: the season-Saturday count plus 2."
  type        = number
  default     = null
}

variable "cpu" {
  description = "CPU request of a member (at least 2: Hazelcast's partition threads and the common pool)."
  type        = string
  default     = "2"
}

variable "admin_token_secret" {
  description = "Secret (name and key) holding GRID_ADMIN_TOKEN; Prometheus's ServiceMonitor sends the same token."
  type        = object({ name = string, key = string })
  default     = { name = "wedsync-grid-admin-token", key = "token" }
}

variable "client_namespace_labels" {
  description = "Labels of the namespaces whose pods may reach the member port (the services using grid-client)."
  type        = map(string)
  default     = { "wedsync.io/grid-client" = "true" }
}

variable "monitoring_namespace_labels" {
  description = "Labels of the namespace of Prometheus, which may reach the actuator port."
  type        = map(string)
  default     = { "kubernetes.io/metadata.name" = "monitoring" }
}

variable "time_zone" {
  description = "IANA time zone of the Saturday pre-scaling (the weddings' local time)."
  type        = string
  default     = "UTC"
}

variable "prometheus_address" {
  description = "Prometheus that KEDA queries for grid_scaling_desired_members."
  type        = string
  default     = "http://prometheus-operated.monitoring.svc:9090"
}

variable "service_monitor_labels" {
  description = "Labels the Prometheus Operator selects ServiceMonitors by."
  type        = map(string)
  default     = { release = "prometheus" }
}

variable "management_center" {
  description = "Management Center Deployment (at most 3 members shown without a license)."
  type = object({
    enabled = bool
    image   = optional(string, "hazelcast/management-center:5.7")
  })
  default = { enabled = true }
}
