// SVG charts for the statistics view. Geometry is set here; every colour comes from review.css, which maps the
// classes to VS Code's theme variables (charts.*), so the charts follow light, dark and high-contrast themes.
import { svg } from './dom';

export interface BarSeries { className: string; name: string; values: number[] }

export interface BarChartOptions {
  label: string;
  /** One label per bar; only some are drawn when there are many. */
  xLabels: string[];
  /** Drawn under every `xLabelEvery`-th bar (and the last). */
  xLabelEvery?: number;
  series: BarSeries[];
  /** Fixed top of the scale (100 for percentages); otherwise the tallest stack. */
  max?: number;
  /** Text above each bar. */
  barLabels?: string[];
  yFormat?: (value: number) => string;
  /** Tooltip per bar. */
  titles?: string[];
}

const WIDTH = 600;
const HEIGHT = 180;
const PAD = { top: 16, right: 8, bottom: 34, left: 36 };

/** A bar chart; several series stack. */
export function barChart(o: BarChartOptions): SVGElement {
  const n = o.xLabels.length;
  const totals = o.xLabels.map((_, i) => o.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = o.max ?? niceMax(Math.max(1, ...totals));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, n);
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': o.label, preserveAspectRatio: 'xMinYMin meet' }, svg('title', {}, o.label));
  const format = o.yFormat ?? ((v: number) => String(Math.round(v)));
  for (const tick of [0, max / 2, max]) {
    chart.append(
      svg('line', { class: 'grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(tick), y2: y(tick) }),
      svg('text', { class: 'tick', x: PAD.left - 4, y: y(tick) + 3, 'text-anchor': 'end' }, format(tick)),
    );
  }
  for (let i = 0; i < n; i++) {
    const x = PAD.left + i * slot + (slot - barW) / 2;
    let base = 0;
    const group = svg('g', {}, svg('title', {}, o.titles?.[i] ?? `${o.xLabels[i]}: ${totals[i]}`));
    for (const s of o.series) {
      const v = s.values[i] ?? 0;
      if (v > 0) group.append(svg('rect', { class: `bar ${s.className}`, x, width: barW, y: y(base + v), height: Math.max(0.5, y(base) - y(base + v)) }));
      base += v;
    }
    chart.append(group);
    if (o.barLabels?.[i]) chart.append(svg('text', { class: 'bar-label', x: x + barW / 2, y: y(base) - 4, 'text-anchor': 'middle' }, o.barLabels[i]!));
    // Every `every`-th label, and the last one unless it would crowd the one before it.
    const every = o.xLabelEvery ?? 1;
    if (i % every === 0 || (i === n - 1 && i % every >= every / 2)) {
      chart.append(svg('text', { class: 'tick', x: x + barW / 2, y: HEIGHT - PAD.bottom + 14, 'text-anchor': 'middle' }, o.xLabels[i]!));
    }
  }
  chart.append(svg('line', { class: 'axis', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(0), y2: y(0) }));
  return chart;
}

/** 2, 4, 10, 20, 40, 100, … at or above `v`: a top whose half, the middle grid line, is a whole number too. */
function niceMax(v: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(2, v)));
  for (const step of [2, 4, 10]) if (step * power >= v) return step * power;
  return 20 * power;
}

/** A thin progress bar (an SVG, so its width needs no inline style under the page's CSP). */
export function progressBar(done: number, total: number, label: string): SVGElement {
  const width = total ? Math.min(100, (done / total) * 100) : 0;
  return svg('svg', { class: 'progress-bar', id: 'progress-bar', viewBox: '0 0 100 4', preserveAspectRatio: 'none', role: 'progressbar', 'aria-label': label,
    'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done },
  svg('rect', { class: 'progress-track', x: 0, y: 0, width: 100, height: 4, rx: 2 }),
  svg('rect', { class: 'progress-fill', x: 0, y: 0, width, height: 4, rx: 2 }));
}

const CELL = 12;
const GAP = 3;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar heatmap: one column per week (Monday at the top), one square per day, darker for more reviews. */
export function heatmap(days: { day: string; count: number }[], label: string): SVGElement {
  const weeks = Math.ceil(days.length / 7);
  const left = 30, top = 16;
  const width = left + weeks * (CELL + GAP);
  const height = top + 7 * (CELL + GAP);
  const max = Math.max(1, ...days.map((d) => d.count));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart heatmap', role: 'img', 'aria-label': label, preserveAspectRatio: 'xMinYMin meet' }, svg('title', {}, label));
  ['Mon', '', 'Wed', '', 'Fri', '', ''].forEach((name, row) => {
    if (name) chart.append(svg('text', { class: 'tick', x: left - 6, y: top + row * (CELL + GAP) + CELL - 2, 'text-anchor': 'end' }, name));
  });
  // A month's name goes above the first week that starts in it, unless the next name would crowd it.
  const starts: { week: number; month: number }[] = [];
  for (let week = 0; week < weeks; week++) {
    const month = Number(days[week * 7]!.day.slice(5, 7)) - 1;
    if (starts.at(-1)?.month !== month) starts.push({ week, month });
  }
  starts.forEach(({ week, month }, i) => {
    if ((starts[i + 1]?.week ?? Infinity) - week < 3) return;
    chart.append(svg('text', { class: 'tick', x: left + week * (CELL + GAP), y: top - 5 }, MONTHS[month]!));
  });
  days.forEach(({ day, count }, i) => {
    const week = Math.floor(i / 7);
    const row = i % 7;
    const level = count === 0 ? 0 : Math.min(4, Math.ceil((count / max) * 4));
    chart.append(svg('rect', { class: `heat heat-${level}`, x: left + week * (CELL + GAP), y: top + row * (CELL + GAP), width: CELL, height: CELL, rx: 2 },
      svg('title', {}, `${day}: ${count} review${count === 1 ? '' : 's'}`)));
  });
  return chart;
}
