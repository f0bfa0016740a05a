# Fixtures for rds-storage-unencrypted. The comment above each top-level block says how many findings it must produce.

# expect: 1
resource "aws_db_instance" "default" {
  allocated_storage = 20
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  username          = "app"
  password          = var.db_password
}

# expect: 1
resource "aws_db_instance" "explicitly_off" {
  allocated_storage = 20
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}

# expect: 0
resource "aws_db_instance" "encrypted" {
  allocated_storage = 20
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
}

# expect: 0
# A read replica takes the source's encryption.
resource "aws_db_instance" "replica" {
  instance_class      = "db.t3.micro"
  replicate_source_db = aws_db_instance.encrypted.identifier
}

# expect: 1
resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "aurora"
  engine             = "aurora-postgresql"
  master_username    = "app"
}

# expect: 0
resource "aws_rds_cluster" "serverless_v1" {
  cluster_identifier = "serverless"
  engine             = "aurora-mysql"
  engine_mode        = "serverless"
}
