resource "kubernetes_namespace_v1" "grid" {
  count = var.create_namespace ? 1 : 0
  metadata {
    name = var.namespace
  }
}

resource "kubernetes_secret_v1" "admin_token" {
  count = var.admin_token == null ? 0 : 1
  metadata {
    name      = var.admin_token_secret.name
    namespace = var.namespace
  }
  data       = { (var.admin_token_secret.key) = var.admin_token }
  depends_on = [kubernetes_namespace_v1.grid]
}

resource "kubernetes_manifest" "object" {
  for_each = toset(keys(var.manifests))
  manifest = var.manifests[each.key]

  # KEDA owns the StatefulSet's replicas; server-side apply leaves fields this manifest does not set alone.
  field_manager {
    name = "terraform-wedsync-grid"
  }
  depends_on = [kubernetes_namespace_v1.grid, kubernetes_secret_v1.admin_token]
}
