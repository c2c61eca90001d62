# The Kubernetes objects for the spec's figures, sized by the sizing module.

variables {
  image = "registry.example/wedsync/grid-node:1.0"
}

run "sizing" {
  command = plan
  module {
    source = "../../sizing"
  }
}

run "stateful_set_stops_gracefully_and_is_ready_when_safe" {
  command = plan
  variables {
    sizing = run.sizing
  }

  assert {
    condition     = output.manifests["StatefulSet/wedsync-grid"].spec.template.spec.terminationGracePeriodSeconds == 60
    error_message = "The grace period should be GRID_SHUTDOWN_TIMEOUT (45 s) plus 15 s."
  }
  assert {
    condition     = output.manifests["StatefulSet/wedsync-grid"].spec.template.spec.containers[0].readinessProbe.httpGet.path == "/actuator/health/readiness"
    error_message = "Readiness should be the node's (joined and cluster safe)."
  }
  assert {
    condition = alltrue([for pair in [["GRID_DISCOVERY", "kubernetes"], ["GRID_MEMORY_LIMIT", "1638m"], ["GRID_SHUTDOWN_TIMEOUT", "45s"],
      ["GRID_KUBERNETES_SERVICE_NAME", "wedsync-grid-hazelcast"], ["GRID_SCALING_MAXMEMBERS", "96"]] :
    contains([for e in output.manifests["StatefulSet/wedsync-grid"].spec.template.spec.containers[0].env : "${e.name}=${try(e.value, "")}"], join("=", pair))])
    error_message = "Members should get Kubernetes discovery and the sizing's environment."
  }
  assert {
    condition     = output.manifests["StatefulSet/wedsync-grid"].spec.template.spec.containers[0].resources.limits.memory == "5852Mi"
    error_message = "A 4096 MiB heap is 70 % of a 5852 Mi container."
  }
  assert {
    condition     = output.manifests["Service/wedsync-grid-hazelcast"].spec.clusterIP == "None" && output.manifests["PodDisruptionBudget/wedsync-grid"].spec.maxUnavailable == 1
    error_message = "Discovery needs the headless service; drains take one member at a time."
  }
}

run "keda_scales_on_the_advice_and_prescales_saturdays" {
  command = plan
  variables {
    sizing    = run.sizing
    time_zone = "Europe/London"
  }

  assert {
    condition     = output.manifests["ScaledObject/wedsync-grid"].spec.minReplicaCount == 13 && output.manifests["ScaledObject/wedsync-grid"].spec.maxReplicaCount == 96
    error_message = "KEDA should keep 13 to 96 members."
  }
  assert {
    condition     = strcontains(output.manifests["ScaledObject/wedsync-grid"].spec.triggers[0].metadata.query, "grid_scaling_desired_members")
    error_message = "The first trigger should be the node's advice."
  }
  assert {
    condition = contains([for t in output.manifests["ScaledObject/wedsync-grid"].spec.triggers : t.metadata if t.type == "cron"],
    { timezone = "Europe/London", start = "0 22 * 5-10 5", end = "0 2 * * 0", desiredReplicas = "94" })
    error_message = "Season Saturdays should hold 94 members from Friday 22:00 to Sunday 02:00."
  }
}

run "network_policy_opens_the_member_port_and_the_actuator_to_their_callers_only" {
  command = plan
  variables {
    sizing = run.sizing
  }

  assert {
    condition = (output.manifests["NetworkPolicy/wedsync-grid"].spec.ingress[0].ports[0].port == 5701
      && length(output.manifests["NetworkPolicy/wedsync-grid"].spec.ingress[0].from) == 3
    && output.manifests["NetworkPolicy/wedsync-grid"].spec.ingress[1].ports[0].port == 8080)
    error_message = "5701 from members, clients and Management Center; 8080 from monitoring."
  }
  assert {
    condition     = strcontains(output.yaml, "\"kind\": \"ServiceMonitor\"")
    error_message = "The YAML stream should carry the ServiceMonitor."
  }
}

run "management_center_can_be_left_out" {
  command = plan
  variables {
    sizing            = run.sizing
    management_center = { enabled = false }
  }

  assert {
    condition     = !contains(keys(output.manifests), "Deployment/wedsync-grid-management-center") && length(output.manifests["NetworkPolicy/wedsync-grid"].spec.ingress[0].from) == 2
    error_message = "Without Management Center there is no Deployment and no ingress for it."
  }
}

run "a_name_that_is_no_dns_label_is_rejected" {
  command = plan
  variables {
    sizing = run.sizing
    name   = "WedSync_Grid"
  }
  expect_failures = [var.name]
}
