# Terraform with the Kubernetes provider: the same objects as ../kubernetes/web.yaml, written in HCL.
resource "kubernetes_deployment_v1" "web" {
  metadata {
    name = "web"
  }
  spec {
    replicas = 3
    selector {
      match_labels = { app = "web" }
    }
    template {
      metadata {
        labels = { app = "web" }
      }
      spec {
        container {
          name  = "web"
          image = "nginx:latest"
        }
      }
    }
  }
}
