# Fixtures for module-source-not-pinned. The comment above each top-level block says how many findings it must produce.

# expect: 1
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"

  name = "prod"
  cidr = "10.0.0.0/16"
}

# expect: 0
module "vpc_pinned" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.13"
}

# expect: 1
# A registry host in front of the address is still the registry; the subdirectory does not pin anything.
module "eks_submodule" {
  source = "app.terraform.io/acme/eks/aws//modules/node-group"
}

# expect: 1
module "network" {
  source = "git::https://example.com/network.git//modules/vpc"
}

# expect: 0
module "network_tagged" {
  source = "git::https://example.com/network.git//modules/vpc?ref=v1.2.0"
}

# expect: 1
module "from_github" {
  source = "github.com/acme/terraform-modules"
}

# expect: 0
module "from_github_commit" {
  source = "git@github.com:acme/terraform-modules.git?ref=51d462976d84fdea54b47d80dcabbf680badcdb8"
}

# expect: 0
# Local modules are versioned with the repository.
module "local" {
  source = "./modules/app"
}

# expect: 0
# The version comes from a variable: known only at init time, so nothing is reported.
module "vpc_variable_version" {
  source  = "terraform-aws-modules/vpc/aws"
  version = var.vpc_module_version
}

# expect: 0
# Not a module.
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
