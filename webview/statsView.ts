import type { WorkloadSummary } from '../src/core/review/protocol';
import type { StudyStats } from '../src/core/review/stats';
import { html, nothing, type TemplateResult } from 'lit-html';
import { barChart, heatmap } from './charts';
import { button } from './dom';

export interface StatsActions { review(): void; reviewConcepts(noteIds: string[]): void; backToSession?: () => void }

const RATING_SERIES = [['again', 'Again'], ['hard', 'Hard'], ['good', 'Good'], ['easy', 'Easy']] as const;
const shortDay = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
const percent = (x: number) => `${Math.round(x * 100)}%`;

/** The statistics view: headline numbers and four charts. */
export function statsView(stats: StudyStats | undefined, actions: StatsActions, workload?: WorkloadSummary): TemplateResult {
  const header = html`<header class="page-header"><h1>Study statistics</h1><div class="toolbar">${actions.backToSession ? button('back-to-session', 'Back to the session', actions.backToSession, { secondary: true }) : nothing}${button('stats-review', 'Review cards', actions.review)}</div></header>`;
  if (!stats) return html`${header}<p class="muted">Counting…</p>`;
  const t = stats.totals;
  const tiles = html`<div class="tiles" id="stats-totals">${[
    tile('reviews-today', String(t.reviewsToday), 'reviews today'),
    tile('due-today', String(t.dueToday), 'due today'),
    tile('streak', String(t.streakDays), t.streakDays === 1 ? 'day in a row' : 'days in a row'),
    tile('retention', t.retention30 === null ? '—' : percent(t.retention30), 'remembered (30 days)'),
    tile('total-reviews', String(t.reviews), 'reviews in all'),
    tile('studied', `${t.cardsStudied}`, `cards studied (${t.cardsLearning} learning, ${t.cardsReview} learnt)`),
    tile('new', String(t.cardsNew), 'cards not seen yet'),
  ]}</div>`;
  const vanished = t.vanished
    ? html`<p class="muted" id="vanished">${`${t.vanished} card(s) with history are no longer in any note. Their history is kept; "Prune History of Removed Cards" forgets it.`}</p>`
    : nothing;

  const perDay = stats.reviewsPerDay;
  const reviews = figure('chart-reviews', 'Reviews per day (last 30 days)', barChart({
    label: `Reviews per day over the last 30 days: ${perDay.reduce((s, d) => s + d.counts.reduce((a, b) => a + b, 0), 0)} in all`,
    xLabels: perDay.map((d) => shortDay(d.day)), xLabelEvery: 5,
    series: RATING_SERIES.map(([key, name], i) => ({ className: `bar-${key}`, name, values: perDay.map((d) => d.counts[i]!) })),
    titles: perDay.map((d) => `${d.day}: ${d.counts.map((c, i) => `${c} ${RATING_SERIES[i]![1]}`).join(', ')}`),
  }), legend());

  const retention = stats.retentionByInterval;
  const rates = retention.map((b) => (b.reviews ? (b.recalled / b.reviews) * 100 : 0));
  const remembered = figure('chart-retention', 'Remembered, by time since the previous review', retention.some((b) => b.reviews)
    ? barChart({
      label: 'Share of learnt cards remembered, by time since their previous review',
      xLabels: retention.map((b) => b.label), max: 100, yFormat: (v) => `${Math.round(v)}%`,
      series: [{ className: 'bar-retention', name: 'Remembered', values: rates }],
      barLabels: retention.map((b, i) => (b.reviews ? `${Math.round(rates[i]!)}% of ${b.reviews}` : '')),
      titles: retention.map((b) => `${b.label}: ${b.recalled} of ${b.reviews} remembered`),
    })
    : html`<p class="muted">Shows once learnt cards come back for review.</p>`);

  const due = stats.duePerDay;
  const dueChart = figure('chart-due', 'Cards due in the next 30 days', barChart({
    label: `Cards due over the next 30 days: ${due.reduce((s, d) => s + d.count, 0)}`,
    xLabels: due.map((d, i) => (i === 0 ? 'today' : `+${i}`)), xLabelEvery: 7,
    series: [{ className: 'bar-due', name: 'Due', values: due.map((d) => d.count) }],
    titles: due.map((d, i) => `${i === 0 ? 'Today (with overdue)' : d.day}: ${d.count} due`),
  }));

  const active = stats.heatmap.filter((d) => d.count > 0).length;
  const calendar = figure('chart-heatmap', 'Reviews by day', heatmap(stats.heatmap, `Calendar of reviews: ${active} active days in the last ${Math.ceil(stats.heatmap.length / 7)} weeks`));
  return html`${header}${tiles}${vanished}${reviews}${remembered}${weakestFigure(stats, actions)}${byTagFigure(stats)}${dueChart}${workloadFigure(workload)}${calendar}`;
}

/** The concepts remembered least often, with a button that reviews them. */
function weakestFigure(stats: StudyStats, actions: StatsActions): TemplateResult | typeof nothing {
  const weakest = stats.byConcept?.weakest ?? [];
  if (!weakest.length) return nothing;
  return figure('weakest-concepts', 'Weakest concepts (remembered least often)', html`<ol class="weakest">${weakest.map((c) => html`<li><span class="weakest-title">${c.title}</span> <span class="muted">${`${percent(c.recalled / c.reviews)} of ${c.reviews} reviews remembered`}</span></li>`)}</ol>`,
    html`<div class="toolbar">${button('review-weakest', 'Review these', () => actions.reviewConcepts(weakest.map((c) => c.noteId)))}</div>`);
}

/** Retention of learnt cards per tag, the most reviewed tags. */
function byTagFigure(stats: StudyStats): TemplateResult | typeof nothing {
  const tags = stats.byConcept?.tags ?? [];
  if (!tags.length) return nothing;
  const rates = tags.map((t) => (t.recalled / t.reviews) * 100);
  return figure('chart-by-tag', 'Remembered, by tag', barChart({
    label: 'Share of learnt cards remembered, by tag',
    xLabels: tags.map((t) => t.tag), max: 100, yFormat: (v) => `${Math.round(v)}%`,
    series: [{ className: 'bar-retention', name: 'Remembered', values: rates }],
    barLabels: rates.map((r) => `${Math.round(r)}%`),
    titles: tags.map((t) => `${t.tag}: ${t.recalled} of ${t.reviews} remembered`),
  }));
}

const sameRetention = (a: number, b: number) => Math.round(a * 100) === Math.round(b * 100);

/** Answers a day at each desired retention over the next 30 days, the current setting marked: what a setting costs. */
function workloadFigure(workload: WorkloadSummary | undefined): TemplateResult {
  const caption = 'Reviews a day at each desired retention (next 30 days, simulated)';
  if (!workload) return figure('chart-workload', caption, html`<p class="muted">Simulating…</p>`);
  const rows = workload.retentions;
  const current = rows.find((r) => sameRetention(r.retention, workload.desiredRetention));
  const values = (mine: boolean) => rows.map((r) => (sameRetention(r.retention, workload.desiredRetention) === mine ? r.averagePerDay : 0));
  const chart = barChart({
    label: `Simulated reviews a day at desired retentions ${rows[0]?.retention.toFixed(2) ?? ''} to ${rows.at(-1)?.retention.toFixed(2) ?? ''}; yours is ${workload.desiredRetention.toFixed(2)}`,
    xLabels: rows.map((r) => r.retention.toFixed(2)), xLabelEvery: 2,
    series: [{ className: 'bar-workload', name: 'Reviews a day', values: values(false) }, { className: 'bar-workload-current', name: 'Your setting', values: values(true) }],
    barLabels: rows.map((r, i) => (i % 2 === 0 || current === r ? r.averagePerDay.toFixed(0) : '')),
    titles: rows.map((r) => `Desired retention ${r.retention.toFixed(2)}: about ${r.averagePerDay.toFixed(1)} reviews a day, ${r.peakPerDay.toFixed(0)} on the busiest day`),
  });
  const summary = current
    ? `Your desired retention, ${current.retention.toFixed(2)} (highlighted), costs about ${current.averagePerDay.toFixed(1)} reviews a day.`
    : `Your desired retention, ${workload.desiredRetention.toFixed(2)}, is outside the simulated range.`;
  const basis = workload.fittedParameters ? 'Simulated with the FSRS parameters fitted to your reviews.' : 'Simulated with FSRS\'s default parameters; "Optimize Scheduling" fits them to your reviews.';
  return figure('chart-workload', caption, chart, html`<p class="muted" id="workload-summary">${summary} ${basis} Change it with the setting cnc.review.desiredRetention.</p>`);
}

function tile(id: string, value: string, label: string): TemplateResult {
  return html`<div class="tile" id=${`tile-${id}`}><span class="tile-value">${value}</span><span class="tile-label">${label}</span></div>`;
}

function figure(id: string, caption: string, chart: TemplateResult, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<figure id=${id}><figcaption>${caption}</figcaption>${chart}${extra}</figure>`;
}

function legend(): TemplateResult {
  return html`<div class="legend">${RATING_SERIES.map(([key, name]) => html`<span><span class=${`swatch swatch-${key}`}></span>${name}</span>`)}</div>`;
}
