# Builds the Kubernetes objects as plain values: no provider, so `terraform test` checks them anywhere. The parent
# module applies them; `yaml` serves `kubectl apply -f -` as well.
terraform {
  required_version = ">= 1.9"
}
