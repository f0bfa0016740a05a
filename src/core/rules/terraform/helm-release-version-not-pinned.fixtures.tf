# Fixtures for helm-release-version-not-pinned. The comment above each top-level block says how many findings it must produce.

# expect: 1
resource "helm_release" "ingress_nginx" {
  name       = "ingress-nginx"
  repository = "https://kubernetes.github.io/ingress-nginx"
  chart      = "ingress-nginx"
  namespace  = "ingress-nginx"
}

# expect: 0
resource "helm_release" "pinned" {
  name       = "cert-manager"
  repository = "https://charts.jetstack.io"
  chart      = "cert-manager"
  version    = "v1.15.3"
}

# expect: 1
resource "helm_release" "oci" {
  name  = "podinfo"
  chart = "oci://ghcr.io/stefanprodan/charts/podinfo"
}

# expect: 0
# A chart from a local path is versioned with the repository.
resource "helm_release" "local" {
  name  = "app"
  chart = "./charts/app"
}

# expect: 0
resource "helm_release" "variable_version" {
  name       = "redis"
  repository = "oci://registry-1.docker.io/bitnamicharts"
  chart      = "redis"
  version    = var.redis_chart_version
}
