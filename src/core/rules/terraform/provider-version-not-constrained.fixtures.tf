# Fixtures for provider-version-not-constrained. The comment above each top-level block says how many findings it must produce.

# expect: 2
terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.31"
    }
    helm = {
      source = "hashicorp/helm"
    }
  }
}

# expect: 0
# The old shorthand is a version constraint too.
terraform {
  required_providers {
    random = "~> 3.6"
  }
}

# expect: 0
terraform {
  backend "s3" {
    bucket = "acme-state"
    key    = "prod/terraform.tfstate"
    region = "eu-west-1"
  }
}

# expect: 0
provider "aws" {
  region = "eu-west-1"
}
