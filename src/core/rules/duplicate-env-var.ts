import { containersOf, type ContainerRef } from '../model/podSpecs';
import { child, listItems, scalarString, type ScalarNode } from '../model/tree';
import { defineRule, type FindingDraft } from './rule';
import { plainValue } from './support/values';
import { containerSubject } from './support/workloads';

export const duplicateEnvVar = defineRule<DuplicateEnv>({
  id: 'duplicate-env-var',
  target: 'object',
  title: 'Environment variable is defined twice',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'container',
  rationale:
    'When `env` lists the same name twice, the last entry wins and the earlier ones are silently ignored. Someone ' +
    'reading or editing the first entry changes nothing, which is how wrong settings reach production.',
  remediation: 'Keep one entry per name; delete the earlier ones (they have no effect).',
  equivalents: { kubeScore: ['environment-variable-key-duplication'], kubeLinter: ['duplicate-env-var'] },

  check(object) {
    return containersOf(object).flatMap((ref) => {
      const seen = new Map<string, ScalarNode[]>();
      for (const item of listItems(child(ref.container, 'env'))) {
        const nameNode = child(item, 'name');
        const name = scalarString(nameNode);
        if (name === undefined || nameNode?.kind !== 'scalar') continue;
        seen.set(name, [...(seen.get(name) ?? []), nameNode]);
      }
      const findings: FindingDraft<DuplicateEnv>[] = [];
      for (const [name, nodes] of seen) {
        if (nodes.length < 2) continue;
        const last = nodes[nodes.length - 1]!;
        findings.push({ message: `${containerSubject(ref)} sets ${name} ${nodes.length} times; only the last one counts.`, span: last.span, data: { ref, name } });
      }
      return findings;
    });
  },

  fix(finding, context) {
    const ref = finding.data?.ref;
    const name = finding.data?.name;
    const env = child(ref?.container, 'env');
    if (!ref || name === undefined || env?.kind !== 'list') return [];
    const items = env.items;
    const lastIndex = items.map((item) => scalarString(child(item, 'name'))).lastIndexOf(name);
    const kept = items.filter((item, index) => index === lastIndex || scalarString(child(item, 'name')) !== name).map(plainValue);
    return [{ title: `Remove the earlier ${name} entries (they have no effect)`, isPreferred: true, edits: context.editor.setIn(ref.container, ['env'], kept) }];
  },
});

/** The container, and the variable whose earlier entries the fix removes. */
type DuplicateEnv = { ref: ContainerRef; name: string };
