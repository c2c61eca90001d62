# The member port from members, clients' namespaces and Management Center; the actuator from monitoring only.
locals {
  network = {
    "NetworkPolicy/${var.name}" = {
      apiVersion = "networking.k8s.io/v1"
      kind       = "NetworkPolicy"
      metadata   = local.metadata
      spec = {
        podSelector = { matchLabels = local.labels }
        policyTypes = ["Ingress"]
        ingress = [
          {
            from = concat(
              [{ podSelector = { matchLabels = local.labels } }, { namespaceSelector = { matchLabels = var.client_namespace_labels } }],
              [for labels in [local.management_center_labels] : { podSelector = { matchLabels = labels } } if var.management_center.enabled],
            )
            ports = [{ protocol = "TCP", port = local.member_port }]
          },
          {
            from  = [{ namespaceSelector = { matchLabels = var.monitoring_namespace_labels } }]
            ports = [{ protocol = "TCP", port = local.http_port }]
          },
        ]
      }
    }
  }

  # Prometheus Operator: scrape every member's /actuator/prometheus with the admin token.
  monitoring = {
    "ServiceMonitor/${var.name}" = {
      apiVersion = "monitoring.coreos.com/v1"
      kind       = "ServiceMonitor"
      metadata   = merge(local.metadata, { labels = merge(local.labels, var.service_monitor_labels) })
      spec = {
        selector = { matchLabels = local.labels }
        endpoints = [{
          port          = "http"
          path          = "/actuator/prometheus"
          interval      = "15s"
          authorization = { type = "Bearer", credentials = var.admin_token_secret }
        }]
      }
    }
  }
}
