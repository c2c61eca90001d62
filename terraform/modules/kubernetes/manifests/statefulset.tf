locals {
  services = {
    # Discovery: every pod, ready or not, so that a starting member finds the others.
    "Service/${local.headless}" = {
      apiVersion = "v1"
      kind       = "Service"
      metadata   = merge(local.metadata, { name = local.headless })
      spec = {
        clusterIP                = "None"
        publishNotReadyAddresses = true
        selector                 = local.labels
        ports                    = [{ name = "hazelcast", port = local.member_port, targetPort = "hazelcast" }]
      }
    }
    # Clients' first contact (smart routing then reaches every member) and the ServiceMonitor's target.
    "Service/${var.name}" = {
      apiVersion = "v1"
      kind       = "Service"
      metadata   = local.metadata
      spec = {
        selector = local.labels
        ports = [
          { name = "hazelcast", port = local.member_port, targetPort = "hazelcast" },
          { name = "http", port = local.http_port, targetPort = "http" },
        ]
      }
    }
  }

  probe = { httpGet = { port = "http" }, periodSeconds = 5, timeoutSeconds = 2 }

  stateful_set = {
    apiVersion = "apps/v1"
    kind       = "StatefulSet"
    metadata   = local.metadata
    spec = {
      serviceName = local.headless
      # No replicas: KEDA owns the count (minReplicaCount is the baseline).
      selector = { matchLabels = local.labels }
      # One member at a time, each ready (cluster safe, migrations done) before the next starts or stops.
      podManagementPolicy = "OrderedReady"
      updateStrategy      = { type = "RollingUpdate" }
      template = {
        metadata = { labels = local.labels }
        spec = {
          serviceAccountName = var.name
          # SIGTERM, then GRID_SHUTDOWN_TIMEOUT for the partitions to migrate, then Spring's own shutdown.
          terminationGracePeriodSeconds = var.sizing.shutdown.grace_period_seconds
          securityContext               = { runAsNonRoot = true, runAsUser = 10001, runAsGroup = 10001, fsGroup = 10001 }
          topologySpreadConstraints = [
            { maxSkew = 1, topologyKey = "topology.kubernetes.io/zone", whenUnsatisfiable = "DoNotSchedule", labelSelector = { matchLabels = local.labels } },
            { maxSkew = 1, topologyKey = "kubernetes.io/hostname", whenUnsatisfiable = "ScheduleAnyway", labelSelector = { matchLabels = local.labels } },
          ]
          containers = [{
            name  = "grid-node"
            image = var.image
            ports = [
              { name = "hazelcast", containerPort = local.member_port },
              { name = "http", containerPort = local.http_port },
            ]
            env = local.environment
            resources = {
              requests = { cpu = var.cpu, memory = "${var.sizing.container_memory_mib}Mi" }
              limits   = { memory = "${var.sizing.container_memory_mib}Mi" }
            }
            startupProbe   = merge(local.probe, { httpGet = { path = "/actuator/health/liveness", port = "http" }, failureThreshold = 24 })
            livenessProbe  = merge(local.probe, { httpGet = { path = "/actuator/health/liveness", port = "http" }, failureThreshold = 3 })
            readinessProbe = merge(local.probe, { httpGet = { path = "/actuator/health/readiness", port = "http" }, failureThreshold = 1 })
            securityContext = {
              allowPrivilegeEscalation = false
              readOnlyRootFilesystem   = true
              capabilities             = { drop = ["ALL"] }
            }
            volumeMounts = [{ name = "tmp", mountPath = "/tmp" }]
          }]
          volumes = [{ name = "tmp", emptyDir = {} }]
        }
      }
    }
  }

  # Voluntary disruptions (node drains) take one member at a time, so backups are never all lost together.
  disruption = {
    "PodDisruptionBudget/${var.name}" = {
      apiVersion = "policy/v1"
      kind       = "PodDisruptionBudget"
      metadata   = local.metadata
      spec       = { maxUnavailable = 1, selector = { matchLabels = local.labels } }
    }
  }
}
