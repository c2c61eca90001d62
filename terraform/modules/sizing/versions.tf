# Pure arithmetic: no providers, so `terraform test` runs anywhere Terraform does.
terraform {
  required_version = ">= 1.9"
}
