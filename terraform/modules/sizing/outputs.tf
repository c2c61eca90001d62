output "members" {
  description = "Members needed: baseline (ordinary weekday), season (weekday in May-October), saturday (outside the season) and season_saturday (the peak: Saturday x season); each covers traffic, backups and data, capped at max_members."
  value       = local.members

  precondition {
    condition     = sum([for c in local.catalog : c["memory-share"]]) == 100 && length(local.catalog) == 5
    error_message = "The catalog must have the five data classes with memory shares adding up to 100."
  }
}

output "members_by_reason" {
  description = "What drives the counts: members for the traffic of each day, for the replication (owner plus backups) and for the data with its backups."
  value = {
    traffic     = local.traffic_members
    replication = local.replication_members
    memory      = local.memory_members
  }
}

output "traffic_ops_per_second" {
  description = "Expected cluster-wide operations per second of each day type."
  value       = local.traffic_ops
}

output "within_max_members" {
  description = "Whether every count fits under max_members (false: capped; see the check's warning)."
  value       = alltrue([for n in values(local.needed_members) : n <= var.max_members])
}

output "memory_limit" {
  description = "GRID_MEMORY_LIMIT of each member, such as 1638m."
  value       = "${local.memory_limit_mib}m"
}

output "jvm_flags" {
  description = "JVM flags of each member (heap fixed at heap_mib)."
  value       = local.jvm_flags
}

output "container_memory_mib" {
  description = "Memory to give each member's container or instance: the heap as 70 % of it (as the Dockerfile's MaxRAMPercentage)."
  value       = ceil(var.heap_mib * 100 / 70)
}

output "environment" {
  description = "Environment of each member derived from the sizing: memory limit, JVM flags, calendar multipliers, the node's scaling settings (Spring's relaxed binding of grid.scaling.*) and the split-brain quorum."
  value = merge({
    GRID_MEMORY_LIMIT                       = "${local.memory_limit_mib}m"
    JAVA_TOOL_OPTIONS                       = join(" ", local.jvm_flags)
    SATURDAY_BOOST_MULTIPLIER               = tostring(var.saturday_multiplier)
    WEDDING_SEASON_MULTIPLIER               = tostring(var.season_multiplier)
    GRID_SCALING_MEMBERCAPACITYOPSPERSECOND = tostring(var.member_capacity_ops_per_second)
    GRID_SCALING_HEADROOM                   = tostring(var.headroom)
    GRID_SCALING_MINMEMBERS                 = tostring(local.members.baseline)
    GRID_SCALING_MAXMEMBERS                 = tostring(var.max_members)
    GRID_SCALING_LEADTIME                   = "${var.prescale_lead_hours}h"
    GRID_SHUTDOWN_TIMEOUT                   = "${var.shutdown_timeout_seconds}s"
  }, local.quorum_min_members == null ? {} : { GRID_QUORUM_MIN_MEMBERS = tostring(local.quorum_min_members) })
}

output "quorum_min_members" {
  description = "GRID_QUORUM_MIN_MEMBERS: a strict majority of the baseline count, floor(n/2)+1, below which a side of a split refuses writes of the catalog's split-brain-protected classes (null when none is protected or the baseline is under 3). A larger, pre-scaled cluster can split into two sides that both reach it."
  value       = local.quorum_min_members
}

output "class_budgets" {
  description = "Per data class: share, copies (owner + backups), budget per member (MiB), data with backups (MiB), cluster budget at the baseline count (MiB) and whether the data fits there."
  value = {
    for name, c in local.classes : name => merge(c, {
      cluster_budget_mib = c.budget_mib_per_member * local.members.baseline
      fits               = c.required_mib <= c.budget_mib_per_member * local.members.baseline
    })
  }
}

output "data_fits" {
  description = "Whether every class's data, with its backups, fits in the baseline cluster's budgets."
  value       = alltrue([for c in local.classes : c.required_mib <= c.budget_mib_per_member * local.members.baseline])
}

output "prescale_schedules" {
  description = "Calendar pre-scaling: cron (minute hour day month weekday, in the cluster's time zone) and the member count from then on."
  value       = local.schedules
}

output "prescale_windows" {
  description = "Calendar pre-scaling as windows: from the start cron to the end cron the cluster holds at least members (outside every window: members.baseline)."
  value       = local.windows
}

output "shutdown" {
  description = "GRID_SHUTDOWN_TIMEOUT in seconds, and the grace period to give a member's process before it is killed: 15 s more, for readiness going down and Spring's own shutdown."
  value = {
    timeout_seconds      = var.shutdown_timeout_seconds
    grace_period_seconds = var.shutdown_timeout_seconds + 15
  }
}
