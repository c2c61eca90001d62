locals {
  member_port = 5701
  http_port   = 8080
  labels      = { "app.kubernetes.io/name" = "grid-node", "app.kubernetes.io/instance" = var.name }
  metadata    = { name = var.name, namespace = var.namespace, labels = local.labels }
  headless    = "${var.name}-hazelcast"
  max_members = coalesce(var.max_members, var.sizing.members.season_saturday + 2)

  environment = concat(
    [for key, value in merge(var.sizing.environment, {
      GRID_CLUSTER_NAME = var.name
      GRID_DISCOVERY    = "kubernetes"
      GRID_PORT         = tostring(local.member_port)
      GRID_HTTP_PORT    = tostring(local.http_port)
      # The node's advisor stays within what the scaler may set.
      GRID_SCALING_MAXMEMBERS = tostring(local.max_members)
      # Discovery through the headless service's endpoints; zones from the nodes' topology labels.
      GRID_KUBERNETES_SERVICE_NAME = local.headless
      GRID_PARTITION_GROUP         = "ZONE_AWARE"
    }) : { name = key, value = value }],
    [
      { name = "GRID_BIND_ADDRESS", valueFrom = { fieldRef = { fieldPath = "status.podIP" } } },
      { name = "GRID_ADMIN_TOKEN", valueFrom = { secretKeyRef = var.admin_token_secret } },
    ],
  )

  # Every object, keyed by kind and name; the parent module applies them in any order.
  manifests = merge(
    local.rbac,
    local.services,
    { "StatefulSet/${var.name}" = local.stateful_set },
    local.disruption,
    local.scaling,
    local.network,
    local.monitoring,
    { for key, object in local.management_center : key => object if var.management_center.enabled },
  )
}
