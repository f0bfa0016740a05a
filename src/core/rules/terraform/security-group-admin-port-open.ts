import { child, type MapNode, type ScalarNode, type ValueNode } from '../../model/tree';
import { integerOf } from '../support/values';
import { defineRule, type FindingDraft } from '../rule';
import { isResourceOf, literalString, literalStrings, nestedBlocks } from './terraformValues';

const ADMIN_PORTS: Record<number, string> = { 22: 'SSH', 3389: 'RDP' };
const WORLD = new Set(['0.0.0.0/0', '::/0']);
/** Documentation ranges (RFC 5737, RFC 3849): the placeholder opens nothing until a real range replaces it. */
const placeholderFor = (cidr: string) => (cidr.includes(':') ? '2001:db8::/32' : '203.0.113.0/24');

/** The admin services a rule's protocol and port range let in; undefined when Terraform only knows them at plan time. */
function adminPortsIn(rule: MapNode, protocolKey: string): string[] | undefined {
  const protocolNode = child(rule, protocolKey);
  const protocol = protocolNode?.kind === 'scalar' ? String(protocolNode.value).toLowerCase() : undefined;
  if (protocol === undefined) return undefined;
  if (protocol === '-1' || protocol === 'all') return Object.values(ADMIN_PORTS);
  if (protocol !== 'tcp' && protocol !== '6') return [];
  const from = integerOf(child(rule, 'from_port'));
  const to = integerOf(child(rule, 'to_port'));
  if (from === undefined || to === undefined) return undefined;
  return Object.entries(ADMIN_PORTS).filter(([port]) => from <= Number(port) && Number(port) <= to).map(([, name]) => name);
}

/** The world-open CIDR literals of a rule (`cidr_blocks = ["0.0.0.0/0"]` or `cidr_ipv4 = "0.0.0.0/0"`). */
function worldCidrs(rule: MapNode, keys: string[]): ScalarNode[] {
  return keys.flatMap((key) => {
    const value: ValueNode | undefined = child(rule, key);
    const single = literalString(value);
    if (single !== undefined) return WORLD.has(single.trim()) && value?.kind === 'scalar' ? [value] : [];
    return literalStrings(value).filter((c) => WORLD.has(c.value.trim())).map((c) => c.node);
  });
}

/** SSH or RDP reachable from any address through an AWS security group rule. */
export const securityGroupAdminPortOpen = defineRule<OpenCidr>({
  id: 'security-group-admin-port-open',
  target: 'terraform-block',
  title: 'Security group opens SSH or RDP to the whole internet',
  severity: 'error',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'cloud-firewall-rules',
  rationale:
    'A rule that lets 0.0.0.0/0 (or ::/0) reach port 22 or 3389 exposes remote administration to every scanner on ' +
    'the internet; password guessing and exploits against SSH and RDP start within minutes of an address going live. ' +
    'This is the classic policy-as-code check run before `terraform apply`.',
  remediation:
    'Allow admin ports only from the ranges that need them (a VPN or office CIDR, or another security group), or drop ' +
    'the rule and reach hosts through AWS Systems Manager Session Manager or a bastion.',
  equivalents: { checkov: ['CKV_AWS_24', 'CKV_AWS_25'] },
  check(block) {
    const rules: { rule: MapNode; protocolKey: string; cidrKeys: string[] }[] = [];
    if (isResourceOf(block, ['aws_security_group'])) {
      for (const rule of nestedBlocks(block.body, 'ingress').blocks) rules.push({ rule, protocolKey: 'protocol', cidrKeys: ['cidr_blocks', 'ipv6_cidr_blocks'] });
    } else if (isResourceOf(block, ['aws_security_group_rule'])) {
      if (literalString(child(block.body, 'type')) === 'ingress') rules.push({ rule: block.body, protocolKey: 'protocol', cidrKeys: ['cidr_blocks', 'ipv6_cidr_blocks'] });
    } else if (isResourceOf(block, ['aws_vpc_security_group_ingress_rule'])) {
      rules.push({ rule: block.body, protocolKey: 'ip_protocol', cidrKeys: ['cidr_ipv4', 'cidr_ipv6'] });
    }
    const findings: FindingDraft<OpenCidr>[] = [];
    for (const { rule, protocolKey, cidrKeys } of rules) {
      const open = worldCidrs(rule, cidrKeys);
      if (open.length === 0) continue;
      const services = adminPortsIn(rule, protocolKey);
      if (!services?.length) continue;
      for (const cidr of open) {
        findings.push({
          message: `${block.address} lets ${String(cidr.value)} reach ${services.join(' and ')}; limit the source to the networks that administer these hosts.`,
          span: cidr.span, data: { cidr },
        });
      }
    }
    return findings;
  },

  fix(finding, context) {
    const cidr = finding.data?.cidr;
    if (!cidr) return [];
    const placeholder = placeholderFor(String(cidr.value));
    return [{
      title: `Replace ${String(cidr.value)} with a placeholder range (${placeholder}) to fill in`,
      isPreferred: false,
      edits: context.editor.setScalar(cidr, placeholder, 'TODO: the CIDR of your VPN or admin network'),
    }];
  },
});

/** The world-open CIDR the fix narrows. */
type OpenCidr = { cidr: ScalarNode };
