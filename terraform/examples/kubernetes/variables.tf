variable "image" {
  description = "grid-node image (docker build -t ... grid-node after mvn package)."
  type        = string
}

variable "member_capacity_ops_per_second" {
  description = "Ops/s one member serves within the latency target, from a loadtest run on the chosen node size."
  type        = number
  default     = 10000
}

variable "admin_token" {
  description = "GRID_ADMIN_TOKEN; null: create the Secret wedsync-grid-admin-token (key token) yourself."
  type        = string
  default     = null
  sensitive   = true
}

variable "kubeconfig" {
  description = "Path of the kubeconfig."
  type        = string
  default     = "~/.kube/config"
}

variable "kube_context" {
  description = "kubeconfig context; null for the current one."
  type        = string
  default     = null
}
