import { child, type MapNode } from '../../model/tree';
import { defineRule } from '../rule';
import { isResourceOf, literalString } from './terraformValues';

const PLACEHOLDER = 'TODO-pin-version';

/** A chart given by path or archive URL carries its own version; a chart name from a repository does not. */
const isPathOrArchive = (chart: string) => /^(\.{1,2}\/|\/)/.test(chart) || /\.tgz$/i.test(chart) || /^https?:\/\//i.test(chart);

/** A `helm_release` of a repository chart with no `version`: every apply may install a newer chart. */
export const helmReleaseVersionNotPinned = defineRule<{ body: MapNode }>({
  id: 'helm-release-version-not-pinned',
  target: 'terraform-block',
  title: 'Helm release does not pin its chart version',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'helm',
  rationale:
    'Without `version`, the provider installs the newest chart in the repository. A new chart release can change ' +
    'templates, defaults and even the application version, so an unrelated `terraform apply` upgrades the release ' +
    'and a rollback cannot say what it is rolling back to.',
  remediation: 'Set `version` to the chart version you tested (for example `version = "4.11.3"`) and bump it on purpose.',
  equivalents: {},
  check(block) {
    if (!isResourceOf(block, ['helm_release'])) return [];
    const chartNode = child(block.body, 'chart');
    const chart = literalString(chartNode);
    if (!chart || chartNode?.kind !== 'scalar' || isPathOrArchive(chart)) return [];
    if (child(block.body, 'version') !== undefined) return [];
    return [{
      message: `${block.address} installs chart "${chart}" with no version, so each apply may upgrade it to the newest release.`,
      span: chartNode.span, data: { body: block.body },
    }];
  },

  fix(finding, context) {
    const body = finding.data?.body;
    if (!body) return [];
    return [{
      title: `Pin the chart version: version = "${PLACEHOLDER}" (fill in the version you tested)`,
      isPreferred: false,
      edits: context.editor.setIn(body, ['version'], PLACEHOLDER, 'TODO: the chart version you tested'),
    }];
  },
});
