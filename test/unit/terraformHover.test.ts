import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { terraformHover } from '../../src/core/hover/terraformHover';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import type { KnowledgeBase } from '../../src/core/knowledge/knowledgeBase';
import { parseTerraform } from '../../src/core/terraform/parseTerraform';
import { initTerraform } from '../../src/core/terraform/runtime';

const root = path.resolve(__dirname, '..', '..');
let kb: KnowledgeBase;
beforeAll(async () => {
  await initTerraform({ packageRoot: root });
  kb = loadBundledKnowledge(root);
});

const TEXT = `terraform {
  required_version = ">= 1.5"
  backend "s3" {
    bucket = "state"
  }
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = "~> 3.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "replicas" {
  default = 2
}

locals {
  app = "web"
}

data "aws_eks_cluster" "main" {
  name = "main"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.13"
  count   = 1
}

resource "aws_s3_bucket" "logs" {
  for_each   = toset(["a", "b"])
  bucket     = "logs-\${each.key}"
  depends_on = [module.vpc]

  lifecycle {
    prevent_destroy = true
  }
}

resource "docker_image" "web" {
  name = "nginx:1.27.3"
}

resource "kubernetes_deployment_v1" "web" {
  metadata {
    name = "web"
  }

  spec {
    replicas = var.replicas

    template {
      metadata {}

      spec {
        container {
          name  = "web"
          image = "nginx:1.27.3"

          resources {
            limits = {
              memory = "512Mi"
            }
          }
        }

        dynamic "container" {
          for_each = var.sidecars
          content {
            name = container.value
          }
        }
      }
    }
  }
}

resource "kubernetes_cron_job_v1" "backup" {
  metadata {
    name = "backup"
  }

  spec {
    schedule = "0 3 * * *"

    job_template {
      metadata {}

      spec {
        template {
          metadata {}

          spec {
            container {
              name  = "backup"
              image = "restic/restic:0.16.4"
            }
          }
        }
      }
    }
  }
}

output "bucket" {
  value = aws_s3_bucket.logs
}
`;

const file = () => parseTerraform(TEXT);
/** Hover at the n-th occurrence (0-based) of `needle`, one character in. */
function hoverAt(needle: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = TEXT.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not in text`);
  return terraformHover(file(), at + 1, kb);
}

describe('Terraform hovers', () => {
  it('explain every block keyword and meta-argument with the concept bound to it', () => {
    const keywords: [string, string, number?][] = [
      ['terraform {', 'terraform'], ['backend "s3"', 'backend'], ['required_providers {', 'required_providers'],
      ['provider "aws"', 'provider'], ['variable "replicas"', 'variable'], ['locals {', 'locals'], ['data "aws_eks_cluster"', 'data'],
      ['module "vpc"', 'module'], ['count   = 1', 'count'], ['resource "aws_s3_bucket"', 'resource'], ['for_each   =', 'for_each'],
      ['depends_on', 'depends_on'], ['lifecycle {', 'lifecycle'], ['dynamic "container"', 'dynamic'], ['output "bucket"', 'output'],
    ];
    for (const [needle, keyword] of keywords) {
      const hover = hoverAt(needle);
      const bound = kb.notesForTerraform(`keyword:${keyword}`).map((n) => n.id);
      expect(bound.length, `a note binds keyword:${keyword}`).toBeGreaterThan(0);
      expect(hover?.concepts.map((c) => c.noteId), needle).toEqual(bound);
      expect(TEXT.slice(hover!.span.start, hover!.span.end)).toBe(keyword);
      expect(hover!.markdown).toContain('command:cnc.openNote');
    }
  });

  it('do not treat ordinary arguments that share a meta-argument’s name as keywords', () => {
    expect(terraformHover(parseTerraform('resource "x" "y" {\n  settings {\n    count = 3\n  }\n}\n'), 'resource "x" "y" {\n  settings {\n    c'.length, kb)).toBeUndefined();
    // A dynamic block's for_each is the same meta-argument.
    expect(hoverAt('for_each = var.sidecars')?.path).toBe('keyword:for_each');
  });

  it('explain resource types with their concept and the registry page, data sources too', () => {
    const deployment = hoverAt('kubernetes_deployment_v1');
    expect(deployment?.concepts.map((c) => c.noteId)).toContain('deployment');
    expect(deployment?.markdown).toContain('https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/deployment_v1');
    expect(deployment?.markdown).toContain('Kubernetes `Deployment` (`apps/v1`)');

    const bucket = hoverAt('aws_s3_bucket" "logs"');
    expect(bucket?.markdown).toContain('https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket');

    const cluster = hoverAt('aws_eks_cluster" "main"');
    expect(cluster?.markdown).toContain('data source of the `aws` provider');
    expect(cluster?.markdown).toContain('/providers/hashicorp/aws/latest/docs/data-sources/eks_cluster');
    expect(cluster?.concepts.map((c) => c.noteId)).toContain('managed-kubernetes-api-endpoint');

    const docker = hoverAt('docker_image');
    expect(docker?.markdown).toContain('https://registry.terraform.io/providers/kreuzwerker/docker/latest/docs/resources/image');
  });

  it('explain kubernetes_* arguments and blocks by the Kubernetes field they map to', () => {
    const limits = hoverAt('limits');
    expect(limits?.path).toBe('Deployment.spec.template.spec.containers[].resources.limits');
    expect(limits?.markdown).toMatch(/maximum amount of compute resources/i);
    expect(limits?.concepts.map((c) => c.noteId)).toContain('resource-limits');

    const memory = hoverAt('memory = "512Mi"');
    expect(memory?.subject).toBe('Deployment.spec.template.spec.containers[].resources.limits["memory"]');

    expect(hoverAt('replicas = var')?.path).toBe('Deployment.spec.replicas');
    expect(hoverAt('container {')?.path).toBe('Deployment.spec.template.spec.containers[]');
    expect(hoverAt('"container"')?.path).toBe('Deployment.spec.template.spec.containers[]');
    expect(hoverAt('name = container.value')?.path).toBe('Deployment.spec.template.spec.containers[].name');
    expect(hoverAt('job_template')?.path).toBe('CronJob.spec.jobTemplate');
    expect(hoverAt('image = "restic')?.path).toBe('CronJob.spec.jobTemplate.spec.template.spec.containers[].image');
  });

  it('stay quiet on values, on Terraform’s own arguments and on other providers’ arguments', () => {
    expect(hoverAt('"nginx:1.27.3"', 1)).toBeUndefined();
    expect(hoverAt('bucket     =')).toBeUndefined();
    expect(hoverAt('prevent_destroy')).toBeUndefined();
    expect(terraformHover(file(), TEXT.length, kb)).toBeUndefined();
  });
});
