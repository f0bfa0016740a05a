import type { Rule } from '../rule';
import { clusterApiEndpointPublic } from './cluster-api-endpoint-public';
import { ebsVolumeUnencrypted } from './ebs-volume-unencrypted';
import { helmReleaseVersionNotPinned } from './helm-release-version-not-pinned';
import { kubernetesSecretDataInCode } from './kubernetes-secret-data-in-code';
import { moduleSourceNotPinned } from './module-source-not-pinned';
import { providerCredentialsHardcoded } from './provider-credentials-hardcoded';
import { providerVersionNotConstrained } from './provider-version-not-constrained';
import { rdsStorageUnencrypted } from './rds-storage-unencrypted';
import { s3BucketPublic } from './s3-bucket-public';
import { securityGroupAdminPortOpen } from './security-group-admin-port-open';

/** Terraform-only rules: their target is Terraform blocks, not Kubernetes objects. */
export const TERRAFORM_RULES: readonly Rule[] = [
  moduleSourceNotPinned,
  providerVersionNotConstrained,
  providerCredentialsHardcoded,
  securityGroupAdminPortOpen,
  s3BucketPublic,
  ebsVolumeUnencrypted,
  rdsStorageUnencrypted,
  clusterApiEndpointPublic,
  helmReleaseVersionNotPinned,
  kubernetesSecretDataInCode,
];
