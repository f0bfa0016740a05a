import { containersOf } from '../model/podSpecs';
import { child, listItems, scalarString } from '../model/tree';
import { defineRule, type FindingDraft } from './rule';
import { containerSubject } from './support/workloads';

function nameProblem(name: string): string | undefined {
  if (name.length > 15) return `is ${name.length} characters long (at most 15)`;
  if (!/^[a-z0-9-]+$/.test(name)) return 'may only contain lower-case letters, digits and "-"';
  if (!/[a-z]/.test(name)) return 'needs at least one letter';
  if (name.startsWith('-') || name.endsWith('-') || name.includes('--')) return 'may not start or end with "-" or contain "--"';
  return undefined;
}

export const containerPortNameInvalid = defineRule({
  id: 'container-port-name-invalid',
  target: 'object',
  title: 'Container port name is invalid or used twice',
  severity: 'error',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'container',
  rationale:
    'Port names are referenced by Services (`targetPort: http`) and probes, so they follow the IANA service-name ' +
    'syntax: at most 15 lower-case letters, digits and dashes, with at least one letter. The API server rejects invalid ' +
    'names and names used twice in one container.',
  remediation: 'Rename the port to a short lower-case name (`http`, `metrics`, `grpc-api`), unique within its container.',
  equivalents: { kubeScore: ['container-ports-check'], kubeLinter: ['invalid-target-ports'] },

  check(object) {
    return containersOf(object).flatMap((ref) => {
      // Names must be unique within a container; containers of one Pod may reuse a name.
      const seen = new Set<string>();
      return listItems(child(ref.container, 'ports')).flatMap((port): FindingDraft[] => {
        const nameNode = child(port, 'name');
        const name = scalarString(nameNode);
        if (name === undefined || nameNode?.kind !== 'scalar') return [];
        const problem = nameProblem(name);
        if (problem) return [{ message: `${containerSubject(ref)}: port name "${name}" ${problem}.`, span: nameNode.span }];
        if (seen.has(name)) return [{ message: `${containerSubject(ref)}: port name "${name}" is used twice in this container.`, span: nameNode.span }];
        seen.add(name);
        return [];
      });
    });
  },
});
