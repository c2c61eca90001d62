# KEDA scales the StatefulSet to the highest of its triggers: the node's advice (grid_scaling_desired_members, the
# same on every member, hence max) and the calendar's windows (Friday evening to Sunday for Saturdays, the season's
# weekdays).
locals {
  scaling = {
    "ScaledObject/${var.name}" = {
      apiVersion = "keda.sh/v1alpha1"
      kind       = "ScaledObject"
      metadata   = local.metadata
      spec = {
        scaleTargetRef  = { apiVersion = "apps/v1", kind = "StatefulSet", name = var.name }
        minReplicaCount = var.sizing.members.baseline
        maxReplicaCount = local.max_members
        pollingInterval = 15
        # The advisor already scales in one member at a time and only when safe; no extra delay is needed here
        # beyond a short stabilisation against flapping.
        advanced = {
          horizontalPodAutoscalerConfig = {
            behavior = {
              scaleDown = { stabilizationWindowSeconds = 300, policies = [{ type = "Pods", value = 1, periodSeconds = 120 }] }
            }
          }
        }
        triggers = concat(
          [{
            type       = "prometheus"
            metricType = "AverageValue"
            metadata = {
              serverAddress = var.prometheus_address
              query         = "max(grid_scaling_desired_members{namespace=\"${var.namespace}\",service=\"${var.name}\"})"
              threshold     = "1"
            }
          }],
          [for window, w in var.sizing.prescale_windows : {
            type = "cron"
            name = replace(window, "_", "-")
            metadata = {
              timezone        = var.time_zone
              start           = w.start
              end             = w.end
              desiredReplicas = tostring(w.members)
            }
          }],
        )
      }
    }
  }
}
