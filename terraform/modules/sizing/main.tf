locals {
  # The one catalog node, client and load test read: shares and backup counts never drift from it.
  catalog = yamldecode(file("${path.module}/../../../config/src/main/resources/wedsync/catalog.yml")).classes

  memory_limit_mib = floor(var.heap_mib * var.memory_limit_percent / 100)

  classes = {
    for name, c in local.catalog : name => {
      share_percent = c["memory-share"]
      copies        = 1 + c["backup-count"] + c["async-backup-count"]
      # As MemoryBudget.mib: the share of the limit, in whole MiB, owned and backup entries together.
      budget_mib_per_member = floor(local.memory_limit_mib * c["memory-share"] / 100)
      required_mib          = lookup(var.data_mib, name, 0) * (1 + c["backup-count"] + c["async-backup-count"])
    }
  }

  # Every backup needs a member of its own besides the owner.
  replication_members = max([for c in local.classes : c.copies]...)
  memory_members = max(0, [for c in local.classes :
  c.budget_mib_per_member > 0 ? ceil(c.required_mib / c.budget_mib_per_member) : (c.required_mib > 0 ? var.max_members + 1 : 0)]...)

  # As the node's CapacityAdvisor: load x (1 + headroom) / capacity, a Saturday at least twice an ordinary day
  # of the same season.
  traffic_ops = {
    baseline        = var.baseline_ops_per_second
    season          = var.baseline_ops_per_second * var.season_multiplier
    saturday        = var.baseline_ops_per_second * var.saturday_multiplier
    season_saturday = var.baseline_ops_per_second * var.saturday_multiplier * var.season_multiplier
  }
  ops_members = { for day, ops in local.traffic_ops : day => ceil(ops * (1 + var.headroom) / var.member_capacity_ops_per_second) }
  traffic_members = {
    baseline        = local.ops_members.baseline
    season          = local.ops_members.season
    saturday        = max(local.ops_members.saturday, 2 * local.ops_members.baseline)
    season_saturday = max(local.ops_members.season_saturday, 2 * local.ops_members.season)
  }
  needed_members = { for day, n in local.traffic_members : day => max(n, var.min_members, local.replication_members, local.memory_members) }
  members        = { for day, n in local.needed_members : day => min(n, var.max_members) }

  # A strict majority of the baseline cluster (the fewest members it runs with), so that at most one side of a split
  # takes writes of the classes the catalog protects; none when no class is protected or the baseline is under 3.
  protected_classes  = [for name, c in local.catalog : name if try(c["split-brain-protection"], false)]
  quorum_min_members = length(local.protected_classes) > 0 && local.members.baseline >= 3 ? floor(local.members.baseline / 2) + 1 : null

  # The heap is the sizing's; every other flag is grid-node/jvm.options, the settings every launch ships with
  # (one flag a line, '#' starts a comment), so the members run as the measured and tested node does.
  shipped_jvm_flags = [
    for line in split("\n", file("${path.module}/../../../grid-node/jvm.options")) :
    trimspace(split("#", line)[0]) if trimspace(split("#", line)[0]) != ""
  ]
  jvm_flags = concat(["-Xms${var.heap_mib}m", "-Xmx${var.heap_mib}m"], local.shipped_jvm_flags)

  # Friday evening before each Saturday, and Sunday 02:00 back down; months 5-10 are the season.
  prescale_hour = 24 - var.prescale_lead_hours
  schedules = {
    season_saturday_up    = { cron = "0 ${local.prescale_hour} * 5-10 5", members = local.members.season_saturday }
    season_weekday        = { cron = "0 2 * 5-10 0", members = local.members.season }
    offseason_saturday_up = { cron = "0 ${local.prescale_hour} * 1-4,11,12 5", members = local.members.saturday }
    offseason_weekday     = { cron = "0 2 * 1-4,11,12 0", members = local.members.baseline }
  }
  # The same calendar as windows (start, end) for schedulers that hold a count between two crons, such as KEDA's
  # cron scaler. Ends fire every month, so a window opened on the season's last Friday still closes.
  saturday_end = "0 2 * * 0"
  windows = {
    season_saturday    = { start = local.schedules.season_saturday_up.cron, end = local.saturday_end, members = local.members.season_saturday }
    offseason_saturday = { start = local.schedules.offseason_saturday_up.cron, end = local.saturday_end, members = local.members.saturday }
    season_weekday     = { start = local.schedules.season_weekday.cron, end = "0 ${local.prescale_hour} * * 5", members = local.members.season }
  }
}

check "members_within_max" {
  assert {
    condition     = alltrue([for day, n in local.needed_members : n <= var.max_members])
    error_message = "The load or the data needs more than max_members (${var.max_members}) members: ${jsonencode(local.needed_members)}; the counts are capped and the data may not fit."
  }
}
