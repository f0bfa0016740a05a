import type { StudyStats } from '../src/core/review/stats';
import { barChart, heatmap } from './charts';
import { button, el } from './dom';

export interface StatsActions { review(): void; backToSession?: () => void }

const RATING_SERIES = [['again', 'Again'], ['hard', 'Hard'], ['good', 'Good'], ['easy', 'Easy']] as const;
const shortDay = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
const percent = (x: number) => `${Math.round(x * 100)}%`;

/** The statistics view: headline numbers and four charts. */
export function statsView(stats: StudyStats | undefined, actions: StatsActions): Node[] {
  const header = el('header', { className: 'page-header' },
    el('h1', { text: 'Study statistics' }),
    el('div', { className: 'toolbar' },
      ...(actions.backToSession ? [button('back-to-session', 'Back to the session', actions.backToSession, { secondary: true })] : []),
      button('stats-review', 'Review cards', actions.review)));
  if (!stats) return [header, el('p', { className: 'muted', text: 'Counting…' })];
  const t = stats.totals;
  const tiles = el('div', { className: 'tiles', id: 'stats-totals' },
    tile('reviews-today', String(t.reviewsToday), 'reviews today'),
    tile('due-today', String(t.dueToday), 'due today'),
    tile('streak', String(t.streakDays), t.streakDays === 1 ? 'day in a row' : 'days in a row'),
    tile('retention', t.retention30 === null ? '—' : percent(t.retention30), 'remembered (30 days)'),
    tile('total-reviews', String(t.reviews), 'reviews in all'),
    tile('studied', `${t.cardsStudied}`, `cards studied (${t.cardsLearning} learning, ${t.cardsReview} learnt)`),
    tile('new', String(t.cardsNew), 'cards not seen yet'));
  const nodes: Node[] = [header, tiles];
  if (t.vanished) {
    nodes.push(el('p', { className: 'muted', id: 'vanished', text: `${t.vanished} card(s) with history are no longer in any note. Their history is kept; "Prune History of Removed Cards" forgets it.` }));
  }

  const perDay = stats.reviewsPerDay;
  nodes.push(figure('chart-reviews', 'Reviews per day (last 30 days)', barChart({
    label: `Reviews per day over the last 30 days: ${perDay.reduce((s, d) => s + d.counts.reduce((a, b) => a + b, 0), 0)} in all`,
    xLabels: perDay.map((d) => shortDay(d.day)), xLabelEvery: 5,
    series: RATING_SERIES.map(([key, name], i) => ({ className: `bar-${key}`, name, values: perDay.map((d) => d.counts[i]!) })),
    titles: perDay.map((d) => `${d.day}: ${d.counts.map((c, i) => `${c} ${RATING_SERIES[i]![1]}`).join(', ')}`),
  }), legend()));

  const retention = stats.retentionByInterval;
  const rates = retention.map((b) => (b.reviews ? (b.recalled / b.reviews) * 100 : 0));
  nodes.push(figure('chart-retention', 'Remembered, by time since the previous review', retention.some((b) => b.reviews)
    ? barChart({
      label: 'Share of learnt cards remembered, by time since their previous review',
      xLabels: retention.map((b) => b.label), max: 100, yFormat: (v) => `${Math.round(v)}%`,
      series: [{ className: 'bar-retention', name: 'Remembered', values: rates }],
      barLabels: retention.map((b, i) => (b.reviews ? `${Math.round(rates[i]!)}% of ${b.reviews}` : '')),
      titles: retention.map((b) => `${b.label}: ${b.recalled} of ${b.reviews} remembered`),
    })
    : el('p', { className: 'muted', text: 'Shows once learnt cards come back for review.' })));

  const due = stats.duePerDay;
  nodes.push(figure('chart-due', 'Cards due in the next 30 days', barChart({
    label: `Cards due over the next 30 days: ${due.reduce((s, d) => s + d.count, 0)}`,
    xLabels: due.map((d, i) => (i === 0 ? 'today' : `+${i}`)), xLabelEvery: 7,
    series: [{ className: 'bar-due', name: 'Due', values: due.map((d) => d.count) }],
    titles: due.map((d, i) => `${i === 0 ? 'Today (with overdue)' : d.day}: ${d.count} due`),
  })));

  const active = stats.heatmap.filter((d) => d.count > 0).length;
  nodes.push(figure('chart-heatmap', 'Reviews by day', heatmap(stats.heatmap, `Calendar of reviews: ${active} active days in the last ${Math.ceil(stats.heatmap.length / 7)} weeks`)));
  return nodes;
}

function tile(id: string, value: string, label: string): HTMLElement {
  return el('div', { className: 'tile', id: `tile-${id}` }, el('span', { className: 'tile-value', text: value }), el('span', { className: 'tile-label', text: label }));
}

function figure(id: string, caption: string, chart: Node, ...extra: Node[]): HTMLElement {
  return el('figure', { id }, el('figcaption', { text: caption }), chart, ...extra);
}

function legend(): HTMLElement {
  return el('div', { className: 'legend' }, ...RATING_SERIES.map(([key, name]) => el('span', {}, el('span', { className: `swatch swatch-${key}` }), name)));
}
