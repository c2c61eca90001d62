variable "namespace" {
  description = "Namespace of the grid; created here when create_namespace is true."
  type        = string
  default     = "wedsync-grid"
}

variable "create_namespace" {
  description = "Create the namespace (false: it exists already)."
  type        = bool
  default     = true
}

variable "manifests" {
  description = "The manifests submodule's `manifests` output (objects keyed by kind/name)."
  type        = any
}

variable "admin_token_secret" {
  description = "Secret (name and key) the members read GRID_ADMIN_TOKEN from; must match the manifests submodule's."
  type        = object({ name = string, key = string })
  default     = { name = "wedsync-grid-admin-token", key = "token" }
}

variable "admin_token" {
  description = "GRID_ADMIN_TOKEN; null: the Secret is managed outside Terraform (keeps the token out of the state)."
  type        = string
  default     = null
  sensitive   = true

  validation {
    # grid-node refuses a shorter token at start-up; refusing it here fails the plan, not every member's boot.
    condition     = var.admin_token == null ? true : (length(var.admin_token) >= 16 && length(regexall("\\s", var.admin_token)) == 0)
    error_message = "admin_token must have at least 16 characters and no white space (for example: openssl rand -hex 32)."
  }
}
