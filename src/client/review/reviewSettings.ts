import * as vscode from 'vscode';
import { normaliseSchedulerSettings, type SchedulerSettings } from '../../core/review/scheduler';

/** The `cnc.review.*` settings, checked: a value out of range falls back to its default and is reported once. */
export function readSchedulerSettings(output: vscode.LogOutputChannel): SchedulerSettings {
  const config = vscode.workspace.getConfiguration('cnc.review');
  const { settings, problems } = normaliseSchedulerSettings({
    desiredRetention: config.get('desiredRetention'),
    newCardsPerDay: config.get('newCardsPerDay'),
    learningSteps: config.get('learningSteps'),
    relearningSteps: config.get('relearningSteps'),
    maximumIntervalDays: config.get('maximumInterval'),
    reviewsPerDay: config.get('reviewsPerDay'),
    loadBalancing: config.get('loadBalancing'),
  });
  const key = problems.join('\n');
  if (key && key !== reported) {
    reported = key;
    for (const problem of problems) output.warn(`Setting cnc.review.${problem}`);
    void vscode.window.showWarningMessage(`Some review settings are out of range and their defaults are used: ${problems.join(' ')}`);
  }
  return settings;
}

let reported = '';
