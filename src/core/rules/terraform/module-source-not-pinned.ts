import { child, type MapNode, type ScalarNode } from '../../model/tree';
import { defineRule } from '../rule';
import { literalString } from './terraformValues';

const PLACEHOLDER = 'TODO-pin-version';

/** `namespace/name/provider` (optionally behind a registry host, optionally with a `//subdir`). */
const REGISTRY = /^(?:[a-z0-9.-]+\.[a-z]{2,}\/)?[A-Za-z0-9][A-Za-z0-9_-]*\/[A-Za-z0-9][A-Za-z0-9_-]*\/[a-z0-9]+(?:\/\/.*)?$/;
const GIT = /^(?:git::|git@|github\.com\/|bitbucket\.org\/|hg::)/;

/** How a module `source` is fetched, which decides what pins it. */
export function sourceKind(source: string): 'local' | 'registry' | 'git' | 'other' {
  if (source.startsWith('./') || source.startsWith('../')) return 'local';
  if (GIT.test(source)) return 'git';
  if (REGISTRY.test(source)) return 'registry';
  return 'other';
}

/** A module from a registry without a `version`, or from git without a `ref`: every `init -upgrade` may change it. */
export const moduleSourceNotPinned = defineRule<{ kind: ReturnType<typeof sourceKind>; body: MapNode; source: ScalarNode }>({
  id: 'module-source-not-pinned',
  target: 'terraform-block',
  title: 'Module source is not pinned to a version',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'terraform-modules',
  rationale:
    'A registry module with no `version` constraint, or a git module with no `ref`, resolves to whatever is newest ' +
    'when `terraform init` runs. Two people, or CI and a laptop, can then plan against different module code, and an ' +
    'upstream change lands in your infrastructure without a review.',
  remediation:
    'Registry modules: add `version = "~> 5.13"` (or an exact version). Git modules: add `?ref=v1.2.0` (a tag) or a ' +
    'commit hash to the source URL. Local paths (`./modules/x`) are versioned with your repository and are fine.',
  equivalents: { checkov: ['CKV_TF_1', 'CKV_TF_2'] },
  differences:
    'Checkov asks git sources for a commit hash (CKV_TF_1) or a version tag (CKV_TF_2); we accept any `ref`, and we ' +
    'also ask registry modules for a `version` constraint.',
  check(block) {
    if (block.blockType !== 'module') return [];
    const sourceNode = child(block.body, 'source');
    const source = literalString(sourceNode);
    if (!source || sourceNode?.kind !== 'scalar') return [];
    const kind = sourceKind(source);
    if (kind === 'registry' && child(block.body, 'version') === undefined) {
      return [{
        message: `Module "${block.name}" comes from the registry (${source}) with no version constraint; every init may fetch a newer release.`,
        span: sourceNode.span, data: { kind, body: block.body, source: sourceNode },
      }];
    }
    if (kind === 'git' && !/[?&]ref=/.test(source)) {
      return [{
        message: `Module "${block.name}" comes from git (${source}) with no ref; it follows the default branch.`,
        span: sourceNode.span, data: { kind, body: block.body, source: sourceNode },
      }];
    }
    return [];
  },

  fix(finding, context) {
    const body = finding.data?.body;
    const source = finding.data?.source;
    if (!body || !source) return [];
    if (finding.data?.kind === 'registry') {
      return [{
        title: `Add a version constraint: version = "${PLACEHOLDER}" (fill in the release you tested)`,
        isPreferred: false,
        edits: context.editor.setIn(body, ['version'], PLACEHOLDER, 'TODO: the module release you tested, e.g. "~> 5.13"'),
      }];
    }
    // go-getter reads the query after a `//subdir` as the repository's, so appending is right in every form.
    const value = String(source.value);
    const pinned = `${value}${value.includes('?') ? '&' : '?'}ref=${PLACEHOLDER}`;
    return [{
      title: `Pin the git ref: ?ref=${PLACEHOLDER} (fill in a tag or commit)`,
      isPreferred: false,
      edits: context.editor.setScalar(source, pinned, 'TODO: a release tag or commit hash'),
    }];
  },
});
