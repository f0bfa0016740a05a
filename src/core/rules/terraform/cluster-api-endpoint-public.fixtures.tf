# Fixtures for cluster-api-endpoint-public. The comment above each top-level block says how many findings it must produce.

# expect: 1
# Defaults: public endpoint on, open to 0.0.0.0/0.
resource "aws_eks_cluster" "defaults" {
  name     = "prod"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids = var.subnet_ids
  }
}

# expect: 1
resource "aws_eks_cluster" "explicit_world" {
  name     = "staging"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids             = var.subnet_ids
    endpoint_public_access = true
    public_access_cidrs    = ["0.0.0.0/0"]
  }
}

# expect: 0
resource "aws_eks_cluster" "restricted" {
  name     = "restricted"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids          = var.subnet_ids
    public_access_cidrs = ["198.51.100.0/24"]
  }
}

# expect: 0
resource "aws_eks_cluster" "private" {
  name     = "private"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

# expect: 0
resource "aws_eks_cluster" "variable" {
  name     = "variable"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids             = var.subnet_ids
    endpoint_public_access = var.public_endpoint
  }
}

# expect: 1
resource "google_container_cluster" "gke_open" {
  name     = "gke"
  location = "europe-west1"
}

# expect: 0
resource "google_container_cluster" "gke_authorized" {
  name     = "gke-authorized"
  location = "europe-west1"

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "198.51.100.0/24"
      display_name = "office"
    }
  }
}

# expect: 1
resource "azurerm_kubernetes_cluster" "aks_open" {
  name                = "aks"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "aks"
}

# expect: 0
resource "azurerm_kubernetes_cluster" "aks_private" {
  name                    = "aks-private"
  location                = "westeurope"
  resource_group_name     = "rg"
  dns_prefix              = "aksp"
  private_cluster_enabled = true
}
