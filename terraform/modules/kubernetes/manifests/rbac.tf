# Hazelcast's Kubernetes discovery reads the endpoints of its service and the pods; ZONE_AWARE reads the zone label
# of the nodes the pods run on.
locals {
  rbac = {
    "ServiceAccount/${var.name}" = { apiVersion = "v1", kind = "ServiceAccount", metadata = local.metadata }
    "Role/${var.name}" = {
      apiVersion = "rbac.authorization.k8s.io/v1"
      kind       = "Role"
      metadata   = local.metadata
      rules = [
        { apiGroups = [""], resources = ["endpoints", "pods", "services"], verbs = ["get", "list"] },
        { apiGroups = ["discovery.k8s.io"], resources = ["endpointslices"], verbs = ["get", "list"] },
      ]
    }
    "RoleBinding/${var.name}" = {
      apiVersion = "rbac.authorization.k8s.io/v1"
      kind       = "RoleBinding"
      metadata   = local.metadata
      roleRef    = { apiGroup = "rbac.authorization.k8s.io", kind = "Role", name = var.name }
      subjects   = [{ kind = "ServiceAccount", name = var.name, namespace = var.namespace }]
    }
    "ClusterRole/${var.namespace}-${var.name}-nodes" = {
      apiVersion = "rbac.authorization.k8s.io/v1"
      kind       = "ClusterRole"
      metadata   = { name = "${var.namespace}-${var.name}-nodes", labels = local.labels }
      rules      = [{ apiGroups = [""], resources = ["nodes"], verbs = ["get"] }]
    }
    "ClusterRoleBinding/${var.namespace}-${var.name}-nodes" = {
      apiVersion = "rbac.authorization.k8s.io/v1"
      kind       = "ClusterRoleBinding"
      metadata   = { name = "${var.namespace}-${var.name}-nodes", labels = local.labels }
      roleRef    = { apiGroup = "rbac.authorization.k8s.io", kind = "ClusterRole", name = "${var.namespace}-${var.name}-nodes" }
      subjects   = [{ kind = "ServiceAccount", name = var.name, namespace = var.namespace }]
    }
  }
}
