# Data with its backups against the per-class budgets.

run "data_that_fits_leaves_the_traffic_count" {
  command = plan

  variables {
    baseline_ops_per_second = 100000
    heap_mib                = 4096
    data_mib                = { wedding_data = 2000, photo_thumbnails = 500 }
  }

  assert {
    condition     = output.class_budgets.wedding_data.required_mib == 6000 && output.class_budgets.photo_thumbnails.required_mib == 1000
    error_message = "wedding_data counts 3 copies, photo_thumbnails 2: ${jsonencode(output.class_budgets)}."
  }
  assert {
    condition     = output.members_by_reason.memory == 10 && output.members.baseline == 13
    error_message = "6000 MiB over 655 MiB a member needs 10 members, under the traffic's 13: ${jsonencode(output.members_by_reason)}."
  }
  assert {
    condition     = output.data_fits && output.class_budgets.wedding_data.cluster_budget_mib == 8515
    error_message = "13 members hold 13 x 655 MiB of wedding data."
  }
}

run "data_beyond_the_traffic_count_adds_members" {
  command = plan

  variables {
    baseline_ops_per_second = 10000
    heap_mib                = 2048
    data_mib                = { wedding_data = 3000 }
  }

  assert {
    condition     = output.class_budgets.wedding_data.budget_mib_per_member == 327
    error_message = "40 % of 40 % of 2048 MiB is 327 MiB."
  }
  assert {
    condition     = output.members_by_reason.memory == 28 && output.members.baseline == 28 && output.data_fits
    error_message = "9000 MiB over 327 MiB a member needs 28 members: ${jsonencode(output.members_by_reason)}."
  }
}

run "too_much_data_for_max_members_is_capped_and_reported" {
  command = plan

  variables {
    max_members = 20
    data_mib    = { wedding_data = 10000 }
  }

  expect_failures = [check.members_within_max]

  assert {
    condition     = output.members.baseline == 20 && !output.within_max_members && !output.data_fits
    error_message = "The count is capped at 20 and the data does not fit."
  }
}

run "prescaling_runs_friday_evening_before_the_lead_time" {
  command = plan

  variables {
    prescale_lead_hours = 3
  }

  assert {
    condition     = output.prescale_schedules.season_saturday_up.cron == "0 21 * 5-10 5" && output.prescale_schedules.season_saturday_up.members == 94
    error_message = "Season Saturdays scale to 94 members at 21:00 on Fridays of May-October: ${jsonencode(output.prescale_schedules)}."
  }
  assert {
    condition     = output.prescale_schedules.offseason_weekday.cron == "0 2 * 1-4,11,12 0" && output.prescale_schedules.offseason_weekday.members == 13
    error_message = "Outside the season Sunday 02:00 scales back to the baseline 13."
  }
  assert {
    condition = (output.prescale_windows.season_saturday.start == "0 21 * 5-10 5" && output.prescale_windows.season_saturday.end == "0 2 * * 0"
    && output.prescale_windows.season_weekday.end == "0 21 * * 5" && output.prescale_windows.season_weekday.members == 19)
    error_message = "Windows should close every month, so the season's last Saturday window ends: ${jsonencode(output.prescale_windows)}."
  }
}
