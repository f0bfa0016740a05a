# Fixtures for s3-bucket-public. The comment above each top-level block says how many findings it must produce.

# expect: 1
resource "aws_s3_bucket" "website" {
  bucket = "acme-website"
  acl    = "public-read"
}

# expect: 0
resource "aws_s3_bucket" "private" {
  bucket = "acme-private"
  acl    = "private"
}

# expect: 1
resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.private.id
  acl    = "public-read-write"
}

# expect: 1
resource "aws_s3_bucket" "grant_all_users" {
  bucket = "acme-grants"

  grant {
    type        = "Group"
    permissions = ["READ"]
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers"
  }
}

# expect: 2
resource "aws_s3_bucket_public_access_block" "website" {
  bucket                  = aws_s3_bucket.website.id
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# expect: 0
resource "aws_s3_bucket_public_access_block" "private" {
  bucket                  = aws_s3_bucket.private.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = var.restrict
}

# expect: 0
resource "aws_s3_bucket" "variable_acl" {
  bucket = "acme-variable"
  acl    = var.acl
}
