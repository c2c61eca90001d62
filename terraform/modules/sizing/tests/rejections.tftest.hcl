# Nonsense inputs are rejected with a message that names the variable.

run "zero_baseline_is_rejected" {
  command = plan
  variables {
    baseline_ops_per_second = 0
  }
  expect_failures = [var.baseline_ops_per_second]
}

run "unknown_data_class_is_rejected" {
  command = plan
  variables {
    data_mib = { wedding_data = 10, weddings = 5 }
  }
  expect_failures = [var.data_mib]
}

run "negative_data_is_rejected" {
  command = plan
  variables {
    data_mib = { system_cache = -1 }
  }
  expect_failures = [var.data_mib]
}

run "saturday_multiplier_below_one_is_rejected" {
  command = plan
  variables {
    saturday_multiplier = 0.5
  }
  expect_failures = [var.saturday_multiplier]
}

run "season_multiplier_above_100_is_rejected" {
  command = plan
  variables {
    season_multiplier = 150
  }
  expect_failures = [var.season_multiplier]
}

run "zero_member_capacity_is_rejected" {
  command = plan
  variables {
    member_capacity_ops_per_second = 0
  }
  expect_failures = [var.member_capacity_ops_per_second]
}

run "headroom_as_percentage_is_rejected" {
  command = plan
  variables {
    headroom = 25
  }
  expect_failures = [var.headroom]
}

run "tiny_or_fractional_heap_is_rejected" {
  command = plan
  variables {
    heap_mib = 100.5
  }
  expect_failures = [var.heap_mib]
}

run "memory_limit_above_80_percent_is_rejected" {
  command = plan
  variables {
    memory_limit_percent = 95
  }
  expect_failures = [var.memory_limit_percent]
}

run "max_below_min_members_is_rejected" {
  command = plan
  variables {
    min_members = 5
    max_members = 3
  }
  expect_failures = [var.max_members]
}

run "lead_time_of_a_day_is_rejected" {
  command = plan
  variables {
    prescale_lead_hours = 24
  }
  expect_failures = [var.prescale_lead_hours]
}

run "short_shutdown_timeout_is_rejected" {
  command = plan
  variables {
    shutdown_timeout_seconds = 1
  }
  expect_failures = [var.shutdown_timeout_seconds]
}
