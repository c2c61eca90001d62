# The spec's figures: 100K ops/s baseline, Saturday 5x, season 1.5x, 10K ops/s per member, 25 % headroom.

run "spec_figures_give_13_19_63_94_members" {
  command = plan

  variables {
    baseline_ops_per_second = 100000
    saturday_multiplier     = 5
    season_multiplier       = 1.5
  }

  assert {
    condition     = output.traffic_ops_per_second.season_saturday == 750000
    error_message = "A season Saturday should carry 100K x 5 x 1.5 = 750K ops/s, got ${output.traffic_ops_per_second.season_saturday}."
  }
  assert {
    condition     = output.members.baseline == 13
    error_message = "100K ops/s x 1.25 / 10K should need 13 members, got ${output.members.baseline}."
  }
  assert {
    condition     = output.members.season == 19
    error_message = "150K ops/s x 1.25 / 10K should need 19 members, got ${output.members.season}."
  }
  assert {
    condition     = output.members.saturday == 63
    error_message = "500K ops/s x 1.25 / 10K should need 63 members, got ${output.members.saturday}."
  }
  assert {
    condition     = output.members.season_saturday == 94
    error_message = "750K ops/s x 1.25 / 10K should need 94 members, got ${output.members.season_saturday}."
  }
  assert {
    condition     = output.within_max_members
    error_message = "94 members are within the default max_members (200)."
  }
  assert {
    condition     = output.quorum_min_members == 7 && output.environment.GRID_QUORUM_MIN_MEMBERS == "7"
    error_message = "A baseline of 13 members should give a quorum of floor(13/2)+1 = 7, got ${jsonencode(output.quorum_min_members)}."
  }
}

run "heap_gives_memory_limit_flags_and_budgets_as_the_node" {
  command = plan

  variables {
    heap_mib = 4096
  }

  assert {
    condition     = output.memory_limit == "1638m"
    error_message = "40 % of a 4096 MiB heap is 1638m, got ${output.memory_limit}."
  }
  assert {
    condition     = contains(output.jvm_flags, "-Xms4096m") && contains(output.jvm_flags, "-Xmx4096m")
    error_message = "The heap should be fixed at 4096m: ${jsonencode(output.jvm_flags)}."
  }
  assert {
    # grid-node/jvm.options, comments and blank lines left out: the flags every launch ships with.
    condition     = contains(output.jvm_flags, "-XX:+UseZGC") && contains(output.jvm_flags, "-XX:+ExitOnOutOfMemoryError") && contains(output.jvm_flags, "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4") && alltrue([for flag in output.jvm_flags : startswith(flag, "-")])
    error_message = "The members should get the flags of grid-node/jvm.options and nothing else: ${jsonencode(output.jvm_flags)}."
  }
  assert {
    condition     = output.environment.GRID_MEMORY_LIMIT == "1638m" && output.environment.SATURDAY_BOOST_MULTIPLIER == "5" && output.environment.WEDDING_SEASON_MULTIPLIER == "1.5"
    error_message = "The environment should carry the limit and the multipliers: ${jsonencode(output.environment)}."
  }
  assert {
    condition     = output.environment.GRID_SHUTDOWN_TIMEOUT == "45s" && output.shutdown.grace_period_seconds == 60
    error_message = "The shutdown timeout should default to the node's 45s, with a 60 s grace period."
  }
  assert {
    condition = (output.class_budgets.wedding_data.budget_mib_per_member == 655
      && output.class_budgets.vendor_responses.budget_mib_per_member == 409
      && output.class_budgets.guest_interactions.budget_mib_per_member == 327
      && output.class_budgets.photo_thumbnails.budget_mib_per_member == 163
    && output.class_budgets.system_cache.budget_mib_per_member == 81)
    error_message = "Budgets should be 40/25/20/10/5 % of 1638 MiB in whole MiB: ${jsonencode(output.class_budgets)}."
  }
  assert {
    condition = (output.class_budgets.wedding_data.copies == 3 && output.class_budgets.vendor_responses.copies == 2
      && output.class_budgets.guest_interactions.copies == 2 && output.class_budgets.photo_thumbnails.copies == 2
    && output.class_budgets.system_cache.copies == 2)
    error_message = "Copies come from the catalog's backups (2, 1, async 1, async 1, 1)."
  }
}

run "small_load_still_gets_a_member_per_wedding_data_copy" {
  command = plan

  variables {
    baseline_ops_per_second = 1000
  }

  assert {
    condition     = output.members.baseline == 3 && output.members_by_reason.replication == 3
    error_message = "wedding_data's owner and 2 backups need 3 members, got ${output.members.baseline}."
  }
  assert {
    condition     = output.members.saturday == 3
    error_message = "Twice 1 traffic member is still below the 3 of replication, got ${output.members.saturday}."
  }
}

run "saturday_gets_at_least_twice_an_ordinary_day" {
  command = plan

  variables {
    baseline_ops_per_second = 100000
    saturday_multiplier     = 1.2
    season_multiplier       = 1
  }

  assert {
    condition     = output.members.saturday == 26 && output.members.season_saturday == 26
    error_message = "A Saturday needs at least twice the 13 members of an ordinary day, got ${output.members.saturday}."
  }
}
