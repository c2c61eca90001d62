variable "baseline_ops_per_second" {
  description = "Cluster-wide operations per second on an ordinary weekday outside the wedding season (the spec's figure: 100000)."
  type        = number
  default     = 100000

  validation {
    condition     = var.baseline_ops_per_second > 0
    error_message = "baseline_ops_per_second must be greater than 0 (the spec's figure is 100000)."
  }
}

variable "data_mib" {
  description = "Primary data volume per data class in MiB, without backups (wedding_data, vendor_responses, guest_interactions, photo_thumbnails, system_cache). Missing classes count as 0."
  type        = map(number)
  default     = {}

  validation {
    condition = alltrue([for name in keys(var.data_mib) : contains(
    ["wedding_data", "vendor_responses", "guest_interactions", "photo_thumbnails", "system_cache"], name)])
    error_message = "data_mib keys must be data classes of the catalog: wedding_data, vendor_responses, guest_interactions, photo_thumbnails, system_cache."
  }
  validation {
    condition     = alltrue([for mib in values(var.data_mib) : mib >= 0])
    error_message = "data_mib values are MiB of data and must not be negative."
  }
}

variable "saturday_multiplier" {
  description = "Traffic on a Saturday against an ordinary day (SATURDAY_BOOST_MULTIPLIER; the spec's 5)."
  type        = number
  default     = 5

  validation {
    condition     = var.saturday_multiplier >= 1 && var.saturday_multiplier <= 100
    error_message = "saturday_multiplier must be between 1 and 100, as the node accepts for SATURDAY_BOOST_MULTIPLIER."
  }
}

variable "season_multiplier" {
  description = "Traffic in the wedding season (May-October) against the rest of the year, multiplying the Saturday boost (WEDDING_SEASON_MULTIPLIER; the spec's 1.5)."
  type        = number
  default     = 1.5

  validation {
    condition     = var.season_multiplier >= 1 && var.season_multiplier <= 100
    error_message = "season_multiplier must be between 1 and 100, as the node accepts for WEDDING_SEASON_MULTIPLIER."
  }
}

variable "member_capacity_ops_per_second" {
  description = "Operations per second one member serves within the latency target, measured with the loadtest (grid.scaling.member-capacity-ops-per-second; the node's default 10000)."
  type        = number
  default     = 10000

  validation {
    condition     = var.member_capacity_ops_per_second >= 1
    error_message = "member_capacity_ops_per_second must be at least 1; take it from a loadtest report, not a guess."
  }
}

variable "headroom" {
  description = "Spare capacity kept above the expected load, as a share (0.25: members run at no more than 80 % of capacity), as grid.scaling.headroom."
  type        = number
  default     = 0.25

  validation {
    condition     = var.headroom >= 0 && var.headroom <= 1
    error_message = "headroom must be between 0 and 1 (a share such as 0.25, not a percentage), as the node accepts for grid.scaling.headroom."
  }
}

variable "heap_mib" {
  description = "JVM heap per member in MiB (-Xms and -Xmx)."
  type        = number
  default     = 4096

  validation {
    condition     = var.heap_mib >= 256 && floor(var.heap_mib) == var.heap_mib
    error_message = "heap_mib must be a whole number of MiB and at least 256."
  }
}

variable "memory_limit_percent" {
  description = "Share of the heap the cache may use (GRID_MEMORY_LIMIT); the node's default is 40 %, leaving room for Hazelcast's own structures, migrations and garbage."
  type        = number
  default     = 40

  validation {
    condition     = var.memory_limit_percent >= 5 && var.memory_limit_percent <= 80
    error_message = "memory_limit_percent must be between 5 and 80; above 80 the heap has no room left for migrations and garbage collection."
  }
}

variable "min_members" {
  description = "Fewest members, whatever the load (grid.scaling.min-members)."
  type        = number
  default     = 1

  validation {
    condition     = var.min_members >= 1 && floor(var.min_members) == var.min_members
    error_message = "min_members must be a whole number of at least 1."
  }
}

variable "max_members" {
  description = "Most members the platform allows (grid.scaling.max-members); counts above it are capped and reported by the within_max_members output."
  type        = number
  default     = 200

  validation {
    condition     = floor(var.max_members) == var.max_members && var.max_members >= var.min_members
    error_message = "max_members must be a whole number no smaller than min_members."
  }
}

variable "prescale_lead_hours" {
  description = "How many hours before a Saturday starts the cluster is scaled up for it (the node's grid.scaling.lead-time is 2h)."
  type        = number
  default     = 2

  validation {
    condition     = var.prescale_lead_hours >= 1 && var.prescale_lead_hours <= 23 && floor(var.prescale_lead_hours) == var.prescale_lead_hours
    error_message = "prescale_lead_hours must be a whole number of hours from 1 to 23."
  }
}

variable "shutdown_timeout_seconds" {
  description = "GRID_SHUTDOWN_TIMEOUT: the longest a member's graceful shutdown waits for its partitions to migrate (the node's default 45)."
  type        = number
  default     = 45

  validation {
    condition     = var.shutdown_timeout_seconds >= 5 && var.shutdown_timeout_seconds <= 600 && floor(var.shutdown_timeout_seconds) == var.shutdown_timeout_seconds
    error_message = "shutdown_timeout_seconds must be a whole number from 5 to 600."
  }
}
