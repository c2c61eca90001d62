# A WedSync Grid on EC2 sized for the spec's figures: 100K ops/s on an ordinary day, Saturdays 5x, the season 1.5x.
#   terraform init && terraform apply -var vpc_id=... -var 'subnet_ids=[...]' -var ami_id=...
terraform {
  required_version = ">= 1.9"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.40, < 7.0"
    }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { project = "wedsync-grid" }
  }
}

module "sizing" {
  source = "../../modules/sizing"

  baseline_ops_per_second        = 100000
  saturday_multiplier            = 5
  season_multiplier              = 1.5
  member_capacity_ops_per_second = var.member_capacity_ops_per_second
  heap_mib                       = 4096
  data_mib                       = var.data_mib
}

module "grid" {
  source = "../../modules/aws"

  name                          = "wedsync-grid"
  vpc_id                        = var.vpc_id
  subnet_ids                    = var.subnet_ids
  ami_id                        = var.ami_id
  instance_type                 = "m6i.large"
  sizing                        = module.sizing
  client_security_group_ids     = var.client_security_group_ids
  monitoring_security_group_ids = var.monitoring_security_group_ids
  admin_token                   = var.admin_token
  time_zone                     = var.time_zone
  management_center             = var.management_center
  cloudwatch_scaling            = { enabled = var.cloudwatch_scaling }
}
