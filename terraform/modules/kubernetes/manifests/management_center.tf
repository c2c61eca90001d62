# Management Center connects as a client through the first members' stable names; it learns the others from them.
# Without a license it shows at most 3 members.
locals {
  management_center_labels = { "app.kubernetes.io/name" = "management-center", "app.kubernetes.io/instance" = var.name }
  management_center_name   = "${var.name}-management-center"
  management_center_metadata = {
    name = local.management_center_name, namespace = var.namespace, labels = local.management_center_labels
  }
  first_members = join(",", [for i in range(3) : "${var.name}-${i}.${local.headless}.${var.namespace}.svc:${local.member_port}"])

  management_center = {
    "Deployment/${local.management_center_name}" = {
      apiVersion = "apps/v1"
      kind       = "Deployment"
      metadata   = local.management_center_metadata
      spec = {
        replicas = 1
        selector = { matchLabels = local.management_center_labels }
        template = {
          metadata = { labels = local.management_center_labels }
          spec = {
            securityContext = { runAsNonRoot = true }
            containers = [{
              name  = "management-center"
              image = var.management_center.image
              ports = [{ name = "http", containerPort = 8080 }]
              env = [
                { name = "MC_DEFAULT_CLUSTER", value = var.name },
                { name = "MC_DEFAULT_CLUSTER_MEMBERS", value = local.first_members },
              ]
              readinessProbe = { tcpSocket = { port = "http" }, periodSeconds = 10 }
            }]
          }
        }
      }
    }
    # Port 8081, as the README advises (members use 8080).
    "Service/${local.management_center_name}" = {
      apiVersion = "v1"
      kind       = "Service"
      metadata   = local.management_center_metadata
      spec = {
        selector = local.management_center_labels
        ports    = [{ name = "http", port = 8081, targetPort = "http" }]
      }
    }
  }
}
