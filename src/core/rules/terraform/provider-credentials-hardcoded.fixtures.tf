# Fixtures for provider-credentials-hardcoded. The comment above each top-level block says how many findings it must produce.

# expect: 2
provider "aws" {
  region     = "us-west-2"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" # rotated long ago
}

# expect: 0
# Credentials from variables or the environment are fine.
provider "aws" {
  alias      = "replica"
  region     = "eu-west-1"
  access_key = var.aws_access_key
  secret_key = var.aws_secret_key
}

# expect: 1
provider "helm" {
  kubernetes {
    host  = "https://k8s.example.com"
    token = "eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.example"
  }
}

# expect: 0
provider "google" {
  credentials = "account.json"
  project     = "acme-prod"
}

# expect: 1
provider "google" {
  alias       = "inline"
  credentials = <<-EOT
    {"type": "service_account", "private_key_id": "0123456789abcdef"}
  EOT
}

# expect: 1
provider "azurerm" {
  features {}
  client_id     = "00000000-0000-0000-0000-000000000000"
  client_secret = "s3cr3t"
  tenant_id     = "00000000-0000-0000-0000-000000000000"
}

# expect: 0
# A password outside a provider block is another rule's business.
resource "aws_db_instance" "db" {
  password          = "not-checked-here"
  storage_encrypted = true
}
