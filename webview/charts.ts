// SVG charts for the statistics view. Geometry is set here; every colour comes from review.css, which maps the
// classes to VS Code's theme variables (charts.*), so the charts follow light, dark and high-contrast themes.
import { svg, type SVGTemplateResult, type TemplateResult, html } from 'lit-html';

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
export function barChart(o: BarChartOptions): TemplateResult {
  const n = o.xLabels.length;
  const totals = o.xLabels.map((_, i) => o.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = o.max ?? niceMax(Math.max(1, ...totals));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, n);
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const format = o.yFormat ?? ((v: number) => String(Math.round(v)));
  const parts: SVGTemplateResult[] = [];
  for (const tick of [0, max / 2, max]) {
    parts.push(svg`<line class="grid" x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${y(tick)} y2=${y(tick)}></line>`,
      svg`<text class="tick" x=${PAD.left - 4} y=${y(tick) + 3} text-anchor="end">${format(tick)}</text>`);
  }
  for (let i = 0; i < n; i++) {
    const x = PAD.left + i * slot + (slot - barW) / 2;
    let base = 0;
    const bars: SVGTemplateResult[] = [];
    for (const s of o.series) {
      const v = s.values[i] ?? 0;
      if (v > 0) bars.push(svg`<rect class=${`bar ${s.className}`} x=${x} width=${barW} y=${y(base + v)} height=${Math.max(0.5, y(base) - y(base + v))}></rect>`);
      base += v;
    }
    parts.push(svg`<g><title>${o.titles?.[i] ?? `${o.xLabels[i]}: ${totals[i]}`}</title>${bars}</g>`);
    if (o.barLabels?.[i]) parts.push(svg`<text class="bar-label" x=${x + barW / 2} y=${y(base) - 4} text-anchor="middle">${o.barLabels[i]}</text>`);
    // Every `every`-th label, and the last one unless it would crowd the one before it.
    const every = o.xLabelEvery ?? 1;
    if (i % every === 0 || (i === n - 1 && i % every >= every / 2)) {
      parts.push(svg`<text class="tick" x=${x + barW / 2} y=${HEIGHT - PAD.bottom + 14} text-anchor="middle">${o.xLabels[i]}</text>`);
    }
  }
  parts.push(svg`<line class="axis" x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${y(0)} y2=${y(0)}></line>`);
  return html`<svg viewBox=${`0 0 ${WIDTH} ${HEIGHT}`} class="chart" role="img" aria-label=${o.label} preserveAspectRatio="xMinYMin meet"><title>${o.label}</title>${parts}</svg>`;
}

/** 2, 4, 10, 20, 40, 100, … at or above `v`: a top whose half, the middle grid line, is a whole number too. */
function niceMax(v: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(2, v)));
  for (const step of [2, 4, 10]) if (step * power >= v) return step * power;
  return 20 * power;
}

/** A thin progress bar (an SVG, so its width needs no inline style under the page's CSP). */
export function progressBar(done: number, total: number, label: string): TemplateResult {
  const width = total ? Math.min(100, (done / total) * 100) : 0;
  return html`<svg class="progress-bar" id="progress-bar" viewBox="0 0 100 4" preserveAspectRatio="none" role="progressbar" aria-label=${label} aria-valuemin="0" aria-valuemax=${total} aria-valuenow=${done}><rect class="progress-track" x="0" y="0" width="100" height="4" rx="2"></rect><rect class="progress-fill" x="0" y="0" width=${width} height="4" rx="2"></rect></svg>`;
}

const CELL = 12;
const GAP = 3;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar heatmap: one column per week (Monday at the top), one square per day, darker for more reviews. */
export function heatmap(days: { day: string; count: number }[], label: string): TemplateResult {
  const weeks = Math.ceil(days.length / 7);
  const left = 30, top = 16;
  const width = left + weeks * (CELL + GAP);
  const height = top + 7 * (CELL + GAP);
  const max = Math.max(1, ...days.map((d) => d.count));
  const parts: SVGTemplateResult[] = [];
  ['Mon', '', 'Wed', '', 'Fri', '', ''].forEach((name, row) => {
    if (name) parts.push(svg`<text class="tick" x=${left - 6} y=${top + row * (CELL + GAP) + CELL - 2} text-anchor="end">${name}</text>`);
  });
  // A month's name goes above the first week that starts in it, unless the next name would crowd it.
  const starts: { week: number; month: number }[] = [];
  for (let week = 0; week < weeks; week++) {
    const month = Number(days[week * 7]!.day.slice(5, 7)) - 1;
    if (starts.at(-1)?.month !== month) starts.push({ week, month });
  }
  starts.forEach(({ week, month }, i) => {
    if ((starts[i + 1]?.week ?? Infinity) - week < 3) return;
    parts.push(svg`<text class="tick" x=${left + week * (CELL + GAP)} y=${top - 5}>${MONTHS[month]}</text>`);
  });
  days.forEach(({ day, count }, i) => {
    const week = Math.floor(i / 7);
    const row = i % 7;
    const level = count === 0 ? 0 : Math.min(4, Math.ceil((count / max) * 4));
    parts.push(svg`<rect class=${`heat heat-${level}`} x=${left + week * (CELL + GAP)} y=${top + row * (CELL + GAP)} width=${CELL} height=${CELL} rx="2"><title>${`${day}: ${count} review${count === 1 ? '' : 's'}`}</title></rect>`);
  });
  return html`<svg viewBox=${`0 0 ${width} ${height}`} class="chart heatmap" role="img" aria-label=${label} preserveAspectRatio="xMinYMin meet"><title>${label}</title>${parts}</svg>`;
}
