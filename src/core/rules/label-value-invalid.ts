import { at, type ValueNode } from '../model/tree';
import { defineRule, type FindingDraft } from './rule';
import { podTemplateOf } from './support/podTemplate';

const NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !PREFIX.test(prefix))) return `its prefix "${prefix}" is not a DNS subdomain`;
  if (name.length === 0 || name.length > 63 || !NAME.test(name)) return 'its name part must be 1–63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
  return undefined;
}

function valueProblem(value: string): string | undefined {
  if (value.length > 63) return `it is ${value.length} characters long (at most 63)`;
  if (!NAME.test(value)) return 'only letters, digits, "-", "_" and "." are allowed, starting and ending with a letter or digit';
  return undefined;
}

function labelFindings(labels: ValueNode | undefined, where: string): FindingDraft[] {
  if (labels?.kind !== 'map') return [];
  return labels.entries.flatMap((entry) => {
    const findings: FindingDraft[] = [];
    const keyIssue = keyProblem(entry.key);
    if (keyIssue) findings.push({ message: `Label key "${entry.key}" ${where} is invalid: ${keyIssue}.`, span: entry.keySpan });
    if (entry.value.kind === 'scalar' && entry.value.value !== null) {
      const value = String(entry.value.value);
      const issue = valueProblem(value);
      if (issue) findings.push({ message: `Label value "${value}" ${where} is invalid: ${issue}.`, span: entry.value.span });
    }
    return findings;
  });
}

export const labelValueInvalid = defineRule({
  id: 'label-value-invalid',
  target: 'object',
  title: 'Label key or value is not valid',
  severity: 'error',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'labels-and-selectors',
  rationale:
    'Label keys and values have a strict syntax (at most 63 characters, letters, digits, `-`, `_` and `.`, starting and ' +
    'ending with a letter or digit; keys may have a DNS prefix). The API server rejects objects whose labels break it.',
  remediation: 'Shorten or rewrite the label; put free text (descriptions, URLs, long versions) in an annotation instead.',
  equivalents: { kubeScore: ['label-values'], datree: ['WORKLOAD_INVALID_LABELS_VALUE'] },

  check(object) {
    const template = podTemplateOf(object);
    const findings = labelFindings(at(object.root, 'metadata', 'labels'), `of ${object.address}`);
    if (template && template !== object.root) findings.push(...labelFindings(at(template, 'metadata', 'labels'), 'in the Pod template'));
    return findings;
  },
});
