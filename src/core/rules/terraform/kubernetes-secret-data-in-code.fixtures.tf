# Fixtures for kubernetes-secret-data-in-code. The comment above each top-level block says how many findings it must produce.

# expect: 2
resource "kubernetes_secret_v1" "db" {
  metadata {
    name = "db"
  }

  data = {
    username = "app"
    password = "hunter2"
    host     = var.db_host
  }
}

# expect: 0
resource "kubernetes_secret" "generated" {
  metadata {
    name = "generated"
  }

  data = {
    password = random_password.db.result
  }
}

# expect: 0
resource "kubernetes_config_map" "not_a_secret" {
  metadata {
    name = "settings"
  }

  data = {
    log_level = "debug"
  }
}
