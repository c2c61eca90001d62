# Applies the objects the manifests submodule builds (the logic lives there and in sizing, both tested without a
# cluster). Needs the Prometheus Operator's and KEDA's CRDs installed before plan (kubernetes_manifest reads them).
terraform {
  required_version = ">= 1.9"
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 2.23, < 4.0"
    }
  }
}
