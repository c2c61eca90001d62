# A WedSync Grid on Kubernetes sized for the spec's figures (100K ops/s, Saturdays 5x, the season 1.5x), scaled by
# KEDA on grid_scaling_desired_members with cron windows before Saturdays. Needs KEDA and the Prometheus Operator.
#   terraform init && terraform apply -var image=...
# The `yaml` output holds the same objects, for review or `kubectl apply -f -`.
terraform {
  required_version = ">= 1.9"
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 2.23, < 4.0"
    }
  }
}

provider "kubernetes" {
  config_path    = var.kubeconfig
  config_context = var.kube_context
}

module "sizing" {
  source = "../../modules/sizing"

  baseline_ops_per_second        = 100000
  saturday_multiplier            = 5
  season_multiplier              = 1.5
  member_capacity_ops_per_second = var.member_capacity_ops_per_second
  heap_mib                       = 4096
}

module "manifests" {
  source = "../../modules/kubernetes/manifests"

  namespace = "wedsync-grid"
  image     = var.image
  sizing    = module.sizing
  time_zone = "Europe/London"
}

module "grid" {
  source = "../../modules/kubernetes"

  namespace   = "wedsync-grid"
  manifests   = module.manifests.manifests
  admin_token = var.admin_token
}
