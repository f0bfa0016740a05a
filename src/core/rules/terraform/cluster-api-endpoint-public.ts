import { child, type MapNode } from '../../model/tree';
import { booleanOf, field } from '../support/values';
import { defineRule, type FindingDraft } from '../rule';
import type { TerraformBlock } from '../../terraform/terraformBlocks';
import { blockHeader, isResourceOf, keySpan, literalStrings, nestedBlocks } from './terraformValues';

const WORLD = new Set(['0.0.0.0/0', '::/0']);
const PLACEHOLDER_CIDR = '203.0.113.0/24';

type Verdict = { open: false } | { open: true; why: string; span: FindingDraft['span']; data?: { config: MapNode } };

/** EKS: public endpoint on (the default) and reachable from 0.0.0.0/0 (the default `public_access_cidrs`). */
function eks(block: TerraformBlock): Verdict | undefined {
  const configs = nestedBlocks(block.body, 'vpc_config');
  const config = configs.blocks[0];
  if (!config || configs.unknown) return undefined;
  const publicAccess = field(config, 'endpoint_public_access');
  if (publicAccess.state === 'unknown') return undefined;
  if (publicAccess.state === 'present' && booleanOf(publicAccess.node) !== true) return { open: false };
  const cidrs = field(config, 'public_access_cidrs');
  if (cidrs.state === 'unknown') return undefined;
  if (cidrs.state === 'present') {
    const literal = literalStrings(cidrs.node);
    const world = literal.find((c) => WORLD.has(c.value.trim()));
    if (!world) return cidrs.node.kind === 'list' && cidrs.node.items.some((i) => i.kind === 'unknown') ? undefined : { open: false };
    return { open: true, why: `its public endpoint accepts ${world.value}`, span: world.node.span, data: { config } };
  }
  return { open: true, why: 'its public endpoint is on and open to 0.0.0.0/0 (the defaults)', span: keySpan(block.body, 'vpc_config', blockHeader(block)), data: { config } };
}

/** GKE: reachable publicly unless the endpoint is private or master authorized networks restrict it. */
function gke(block: TerraformBlock): Verdict | undefined {
  const privateConfig = nestedBlocks(block.body, 'private_cluster_config');
  if (privateConfig.unknown) return undefined;
  const privateEndpoint = privateConfig.blocks[0] ? field(privateConfig.blocks[0], 'enable_private_endpoint') : { state: 'missing' as const };
  if (privateEndpoint.state === 'unknown') return undefined;
  if (privateEndpoint.state === 'present' && booleanOf(privateEndpoint.node) === true) return { open: false };
  const authorized = nestedBlocks(block.body, 'master_authorized_networks_config');
  if (authorized.unknown) return undefined;
  const config = authorized.blocks[0];
  if (config) {
    for (const network of nestedBlocks(config, 'cidr_blocks').blocks) {
      const cidr = child(network, 'cidr_block');
      if (cidr?.kind === 'scalar' && WORLD.has(String(cidr.value).trim())) return { open: true, why: `its authorized networks include ${String(cidr.value)}`, span: cidr.span };
    }
    return { open: false };
  }
  return { open: true, why: 'its endpoint is public and no master authorized networks restrict it', span: blockHeader(block) };
}

/** AKS: reachable publicly unless it is a private cluster or authorized IP ranges restrict the API server. */
function aks(block: TerraformBlock): Verdict | undefined {
  const privateCluster = field(block.body, 'private_cluster_enabled');
  if (privateCluster.state === 'unknown') return undefined;
  if (privateCluster.state === 'present' && booleanOf(privateCluster.node) === true) return { open: false };
  const profile = nestedBlocks(block.body, 'api_server_access_profile');
  if (profile.unknown) return undefined;
  const ranges = [field(block.body, 'api_server_authorized_ip_ranges'), ...profile.blocks.map((p) => field(p, 'authorized_ip_ranges'))];
  if (ranges.some((r) => r.state === 'unknown')) return undefined;
  for (const range of ranges) {
    if (range.state !== 'present') continue;
    const literal = literalStrings(range.node);
    const world = literal.find((c) => WORLD.has(c.value.trim()));
    if (world) return { open: true, why: `its authorized IP ranges include ${world.value}`, span: world.node.span };
    if (range.node.kind === 'list' && range.node.items.length > 0) return { open: false };
  }
  return { open: true, why: 'its API server is public and no authorized IP ranges restrict it', span: blockHeader(block) };
}

const CHECKS: Record<string, (block: TerraformBlock) => Verdict | undefined> = {
  aws_eks_cluster: eks, google_container_cluster: gke, azurerm_kubernetes_cluster: aks,
};

/** A managed Kubernetes cluster whose API server endpoint anyone on the internet can reach. */
export const clusterApiEndpointPublic = defineRule<{ config: MapNode }>({
  id: 'cluster-api-endpoint-public',
  target: 'terraform-block',
  title: 'Kubernetes API endpoint is open to the internet',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'managed-kubernetes-api-endpoint',
  rationale:
    'The API server is the front door of the cluster: everything kubectl, controllers and CI do goes through it. ' +
    'EKS, GKE and AKS give it a public endpoint reachable from any address unless told otherwise, so a leaked token ' +
    'or an API server vulnerability is exploitable from anywhere, and the endpoint is found by internet-wide scans.',
  remediation:
    'Use a private endpoint (EKS `endpoint_public_access = false` with `endpoint_private_access = true`; GKE ' +
    '`private_cluster_config`; AKS `private_cluster_enabled`), or restrict the public one to known ranges ' +
    '(`public_access_cidrs`, `master_authorized_networks_config`, `api_server_access_profile.authorized_ip_ranges`).',
  equivalents: { checkov: ['CKV_AWS_38', 'CKV_AWS_39', 'CKV_GCP_20', 'CKV_AZURE_6'] },
  differences: 'Checkov’s CKV_AWS_39 fails any public EKS endpoint; we accept one restricted to known ranges.',
  check(block) {
    const check = block.blockType === 'resource' && block.type ? CHECKS[block.type] : undefined;
    if (!check || !isResourceOf(block, Object.keys(CHECKS))) return [];
    const verdict = check(block);
    if (!verdict?.open) return [];
    return [{ message: `${block.address}: ${verdict.why}.`, span: verdict.span, data: verdict.data }];
  },

  fix(finding, context) {
    const config = finding.data?.config;
    if (!config) return [];
    const fixes = [{
      title: `Restrict the public endpoint to a placeholder range (${PLACEHOLDER_CIDR}) to fill in`,
      isPreferred: false,
      edits: context.editor.setIn(config, ['public_access_cidrs'], [PLACEHOLDER_CIDR], 'TODO: the CIDRs that run kubectl (VPN, CI)'),
    }];
    // EKS refuses a cluster with both endpoints off, so going private also turns the private endpoint on.
    const privateOn = booleanOf(child(config, 'endpoint_private_access')) === true;
    const edits = [
      ...(privateOn ? [] : context.editor.setIn(config, ['endpoint_private_access'], true)),
      ...context.editor.setIn(config, ['endpoint_public_access'], false),
    ];
    // Two insertions into a one-line block would rewrite the same text; offer this fix only when they do not collide.
    const collide = edits.some((a, i) => edits.some((b, j) => i < j && a.span.start < b.span.end && b.span.start < a.span.end));
    if (!collide) fixes.push({ title: 'Make the endpoint private (kubectl must then run from inside the VPC)', isPreferred: false, edits });
    return fixes;
  },
});
