output "manifests" {
  description = "Every Kubernetes object, keyed by kind/name."
  value       = local.manifests
}

output "yaml" {
  description = "The same objects as one multi-document YAML stream, for kubectl apply -f -."
  value       = join("\n", [for key in sort(keys(local.manifests)) : "---\n${yamlencode(local.manifests[key])}"])
}
