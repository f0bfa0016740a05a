# Fixtures for ebs-volume-unencrypted. The comment above each top-level block says how many findings it must produce.

# expect: 1
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 40
}

# expect: 1
resource "aws_ebs_volume" "explicitly_off" {
  availability_zone = "eu-west-1a"
  size              = 40
  encrypted         = false
}

# expect: 0
resource "aws_ebs_volume" "encrypted" {
  availability_zone = "eu-west-1a"
  size              = 40
  encrypted         = true
}

# expect: 0
resource "aws_ebs_volume" "from_snapshot" {
  availability_zone = "eu-west-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}

# expect: 0
resource "aws_ebs_volume" "variable" {
  availability_zone = "eu-west-1a"
  size              = 40
  encrypted         = var.encrypt_volumes
}

# expect: 2
resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    volume_size = 20
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
  }

  ebs_block_device {
    device_name = "/dev/sdg"
    volume_size = 100
    encrypted   = true
  }
}
