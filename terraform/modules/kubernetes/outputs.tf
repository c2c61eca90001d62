output "objects" {
  description = "The kind/name of every object applied."
  value       = sort(keys(var.manifests))
}
