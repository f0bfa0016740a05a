import { child, type MapNode } from '../model/tree';
import { defineRule } from './rule';
import { keyAnchor, objectAnchor } from './support/anchors';
import { field } from './support/values';

export const cronjobDeadlineMissing = defineRule<{ spec: MapNode }>({
  id: 'cronjob-deadline-missing',
  target: 'object',
  title: 'CronJob has no starting deadline',
  severity: 'info',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'cronjob',
  rationale:
    'Without `startingDeadlineSeconds`, a CronJob whose controller was down or blocked starts the most recent missed ' +
    'run however late it is (past 100 missed schedules it also emits a `TooManyMissedTimes` warning). A deadline makes ' +
    'a late run either start within that window or be skipped cleanly.',
  remediation: 'Set `spec.startingDeadlineSeconds` to how late a run may still start (for example a fraction of the interval between runs).',
  equivalents: { kubeScore: ['cronjob-has-deadline'], datree: ['CRONJOB_MISSING_STARTINGDEADLINESECOND_KEY'] },

  check(object) {
    if (object.kind !== 'CronJob') return [];
    const spec = child(object.root, 'spec');
    if (field(spec, 'startingDeadlineSeconds').state !== 'missing' || spec?.kind !== 'map') return [];
    return [{ message: `${object.address} has no startingDeadlineSeconds; after an outage its most recent missed run starts however late it is.`, span: keyAnchor(spec, 'schedule', objectAnchor(object)), data: { spec } }];
  },

  fix(finding, context) {
    const spec = finding.data?.spec;
    if (!spec) return [];
    return [{ title: 'Add startingDeadlineSeconds (300, to adjust to the schedule)', isPreferred: false, edits: context.editor.setIn(spec, ['startingDeadlineSeconds'], 300, 'TODO: how late may a run still start?') }];
  },
});
