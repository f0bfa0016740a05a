import * as vscode from 'vscode';
import { OptimizerError, type FitMetrics } from '../../core/review/optimizer';
import type { ReviewService } from '../../core/review/reviewService';
import { COMMANDS } from '../../core/commands';

const figures = (m: FitMetrics) => (Number.isFinite(m.logLoss) ? `log loss ${m.logLoss.toFixed(4)}, RMSE ${m.rmse.toFixed(4)}` : 'not usable');

/**
 * Optimize Scheduling: fits FSRS parameters to the user's history in the background (cancellable), says how well the
 * parameters in use and the new ones predict that history, and keeps the new ones only when they predict it better.
 * Too few reviews, a cancelled run or an optimizer that cannot load change nothing and say why.
 */
export async function optimizeSchedulingCommand(service: ReviewService, packageRoot: string, output: vscode.LogOutputChannel): Promise<void> {
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Optimizing FSRS scheduling', cancellable: true }, async (progress, token) => {
    let reported = 0;
    try {
      return await service.optimize({
        packageRoot,
        progress: (done, total) => {
          const percent = total ? Math.floor((done / total) * 100) : 0;
          if (percent > reported) { progress.report({ increment: percent - reported, message: `${percent}%` }); reported = percent; }
          return !token.isCancellationRequested;
        },
      });
    } catch (error) {
      if (error instanceof OptimizerError) return { problem: error.message };
      throw error;
    }
  });
  if ('problem' in outcome) {
    output.warn(`Optimize Scheduling: ${outcome.problem}`);
    void vscode.window.showWarningMessage(`Scheduling was not optimized: ${outcome.problem}. The parameters in use are kept.`);
    return;
  }
  const detail = `Before: ${figures(outcome.before)}. After: ${figures(outcome.after)}. (${outcome.reviews} reviews; lower is better.)`;
  output.info(`Optimize Scheduling: ${outcome.message} ${detail}${outcome.saved ? ` Parameters: ${outcome.parameters.map((w) => Number(w.toFixed(4))).join(', ')}` : ''}`);
  const show = outcome.saved ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  // The optimizer's own message names the log loss too; the notification gives both figures once, in `detail`.
  const headline = outcome.saved ? 'Scheduling optimized: the new parameters fit your reviews better and are used from now on.'
    : Number.isFinite(outcome.after.logLoss) ? 'The optimizer\'s parameters do not fit your reviews better; the parameters in use are kept.'
    : outcome.message;
  void show(`${headline} ${detail}`, 'Show Study Statistics').then((choice) => {
    if (choice === 'Show Study Statistics') void vscode.commands.executeCommand(COMMANDS.showStudyStatistics);
  });
}
