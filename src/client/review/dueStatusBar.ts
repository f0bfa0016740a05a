import * as vscode from 'vscode';
import type { ReviewService } from '../../core/review/reviewService';
import { COMMANDS } from '../../core/commands';
import { messageOf } from '../../core/util/errors';

const REFRESH_EVERY_MS = 5 * 60_000;

/** "$(mortar-board) 12" in the status bar: cards to review today; a click starts the review. */
export class DueStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cnc.reviewDue', vscode.StatusBarAlignment.Right, 100);
  private readonly timer: ReturnType<typeof setInterval>;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private readonly counted = new vscode.EventEmitter<void>();
  /** Fires after each recount: the Concepts view shows due counts per note from `dueByNote`. */
  readonly onDidCount = this.counted.event;
  /** Learnt cards due today per note, from the last count (undefined before the first). */
  dueByNote: Map<string, number> | undefined;
  /** Of today's cards, those of concepts met in the user's files ("From your code"), per note. */
  fromCodeByNote: Map<string, number> | undefined;

  constructor(private readonly service: ReviewService, private readonly output: vscode.LogOutputChannel) {
    this.item.name = 'Cloud-Native Companion: cards to review';
    this.item.command = COMMANDS.reviewCards;
    // Learning steps fall due and days roll over while the window stays open.
    this.timer = setInterval(() => this.refresh(), REFRESH_EVERY_MS);
  }

  /** Recounts soon (several changes in a row cost one count). */
  refresh(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.update(), 300);
  }

  private async update(): Promise<void> {
    try {
      const { due, fresh, dueByNote, fromCode, fromCodeByNote } = await this.service.dueToday();
      this.dueByNote = dueByNote;
      this.fromCodeByNote = fromCodeByNote;
      this.counted.fire();
      this.item.text = `$(mortar-board) ${due + fresh}${fromCode ? ` $(code) ${fromCode}` : ''}`;
      const fromYourCode = fromCode ? ` ${fromCode} of them are from your code: concepts behind problems in your files.` : '';
      this.item.tooltip = due + fresh
        ? `${due} card(s) due and ${fresh} new card(s) to review today.${fromYourCode} Click to review.`
        : 'No cards to review today. Click to choose cards to study anyway.';
      this.item.command = due + fresh ? COMMANDS.reviewCards : COMMANDS.reviewCardsChooseScope;
      this.item.show();
    } catch (error) {
      this.output.warn(`Could not count the cards due: ${messageOf(error)}`);
      this.item.text = '$(mortar-board) ?';
      this.item.tooltip = 'Could not count the cards due; see the Cloud-Native Companion output. Click to review.';
      this.item.show();
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    clearTimeout(this.debounce);
    this.counted.dispose();
    this.item.dispose();
  }
}
