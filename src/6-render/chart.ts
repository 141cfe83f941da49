/**
 * Trend charts: a vega-lite spec, compiled to vega, drawn to SVG without a canvas, and
 * rasterised to PNG by resvg at twice the display size with the font shipped in
 * templates/fonts, so the same inputs give the same bytes on any machine. Dates are UTC
 * throughout: a local time zone would move months.
 */
import { fileURLToPath } from 'node:url';
import type { Chart } from '../model/chart.js';

const FONT_DIR = fileURLToPath(new URL('../../templates/fonts/', import.meta.url));
// Charts use only the regular weight; loading one font file per chart instead of two saves time.
const FONT_FILES = [`${FONT_DIR}LiberationSans-Regular.ttf`];
const FONT = 'Liberation Sans';

/**
 * Display size in pixels (96 per inch); the chart is drawn at twice this. Two fit side by side
 * in a landscape A4 page's 24.6 cm of text, with room between them (docx.ts).
 */
export const CHART_SIZE = { width: 450, height: 160 } as const;
/**
 * Size of all text in a chart, in pixels: 8.25 pt on paper when the chart is shown at
 * CHART_SIZE (a pixel is 0.75 pt), never under the 8 pt a committee paper can be read at.
 */
export const CHART_FONT_PX = 11;
/** Line height of text of more than one line: the month and year, a long line label. */
const LINE_PX = 13;
/** Ticks and the gap between a tick and its label, as vega draws them. */
const TICK = 5;
const LABEL_PAD = 2;
/** Blank edge of the image; above the plot it holds the half of the top value label over its tick. */
const EDGE = 3;
const TOP = 8;
/** Height the month axis takes under the plot: a tick, the month, the year. */
const X_AXIS = TICK + LABEL_PAD + 2 * LINE_PX;
/** Between the last month and the line labels, which stand in a column right of the plot. */
const GAP = 8;
/** Widest line of a line label before it wraps. */
const WRAP = 80;
/** Least space between two labels on one line of the month axis. */
const MIN_GAP = 6;
/** Month intervals the month axis may label: every one of them includes January. */
const EVERY = [1, 2, 3, 6, 12] as const;
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const COLOURS = { series: '#1F4E79', target: '#C00000', england: '#595959', sn: '#7F6000' } as const;

/** The lines across a chart, in drawing order; `name` is how a combined label names each. */
const RULES = [
  { key: 'target', name: 'Target', colour: COLOURS.target, dash: [6, 3] },
  { key: 'england', name: 'England', colour: COLOURS.england, dash: [2, 2] },
  { key: 'statisticalNeighbours', name: 'neighbours', colour: COLOURS.sn, dash: [4, 2, 1, 2] },
] as const;
type RuleKey = (typeof RULES)[number]['key'];

/**
 * Advance widths of Liberation Sans (metrically Arial) for ASCII 32 to 126, in 2048ths of an
 * em, read from templates/fonts/LiberationSans-Regular.ttf's hmtx table. With them the layout
 * knows how wide each label is without a canvas, exactly as resvg will draw it.
 */
const ADVANCE = [
  569, 569, 727, 1139, 1139, 1821, 1366, 391, 682, 682, 797, 1196, 569, 682, 569, 569, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139,
  1139, 569, 569, 1196, 1196, 1196, 1139, 2079, 1366, 1366, 1479, 1479, 1366, 1251, 1593, 1479, 569, 1024, 1366, 1139, 1706, 1479, 1593,
  1366, 1593, 1479, 1366, 1251, 1479, 1366, 1933, 1366, 1366, 1251, 569, 569, 569, 961, 1139, 682, 1139, 1139, 1024, 1139, 1139, 569, 1139,
  1139, 455, 455, 1024, 455, 1706, 1139, 1139, 1139, 1139, 682, 1024, 569, 1139, 1024, 1479, 1024, 1024, 1024, 684, 532, 684, 1196,
];

/** Width of a line of text in pixels at `px`; a character outside ASCII counts as wide as an M. */
export function textWidth(text: string, px = CHART_FONT_PX): number {
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    units += c >= 32 && c < 127 ? ADVANCE[c - 32]! : 1706;
  }
  return (units * px) / 2048;
}

/** Fixed decimals with thousands separators, as d3-format's ",.Nf" writes them. */
function formatNumber(v: number, decimals: number): string {
  const [int, frac] = Math.abs(v).toFixed(decimals).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${v < 0 && Number(Math.abs(v).toFixed(decimals)) !== 0 ? '\u2212' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/**
 * The vega-lite spec of a chart. It holds no data and nothing that varies by indicator (unit,
 * decimals, which lines it has, the ticks, how wide the axes are): those come as named data,
 * signals and the view's size and padding (see chartData), so one compiled spec serves every
 * chart, and a drawing thread compiles it before its first chart arrives.
 */
export function chartSpec(): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The plot's size and the padding around it are set for each chart (chartData's layout),
    // and add up to CHART_SIZE, so the PNG is exactly twice the size the document shows it at.
    width: CHART_SIZE.width,
    height: CHART_SIZE.height,
    autosize: { type: 'none' },
    padding: 0,
    background: 'white',
    params: [
      { name: 'bp_yformat', value: ',.0f' },
      { name: 'bp_ysuffix', value: '' },
      { name: 'bp_xyears', value: [] },
    ],
    config: {
      font: FONT,
      view: { stroke: null },
      axis: {
        labelFont: FONT,
        titleFont: FONT,
        labelFontSize: CHART_FONT_PX,
        labelLineHeight: LINE_PX,
        labelColor: '#000000',
        domainColor: '#595959',
        tickColor: '#595959',
        tickSize: TICK,
        labelPadding: LABEL_PAD,
        labelLimit: 0,
        // Ticks are chosen so that labels never touch (chartData): vega hides or moves none.
        labelOverlap: false,
        labelFlush: false,
        labelBound: false,
      },
    },
    layer: [
      {
        data: { name: 'series' },
        mark: { type: 'line', point: { filled: true, size: 30, color: COLOURS.series }, color: COLOURS.series, strokeWidth: 2 },
        encoding: {
          x: {
            field: 'date',
            type: 'temporal',
            timeUnit: 'utcyearmonth',
            // Domain and ticks are replaced by the bp_xdomain and bp_xticks signals once compiled.
            scale: { type: 'utc', nice: false },
            // The month; under it the year, at the first month labelled and wherever the year changes.
            axis: {
              title: null,
              labelExpr:
                "indexof(bp_xyears, datum.value) >= 0 ? [utcFormat(datum.value, '%b'), utcFormat(datum.value, '%Y')] : utcFormat(datum.value, '%b')",
              labelAngle: 0,
              labelBaseline: 'top',
              grid: false,
            },
          },
          y: {
            field: 'value',
            type: 'quantitative',
            // Domain and ticks are replaced by the bp_ydomain and bp_yticks signals once compiled.
            scale: { domain: [0, 1], nice: false, zero: false },
            axis: { title: null, labelExpr: 'format(datum.value, bp_yformat) + bp_ysuffix', grid: true, gridColor: '#E0E0E0' },
          },
        },
      },
      ...RULES.map((r) => ({
        data: { name: r.key },
        layer: [
          {
            mark: { type: 'rule', color: r.colour, strokeDash: r.dash, strokeWidth: 1.5 },
            encoding: { y: { field: 'value', type: 'quantitative' } },
          },
          // From the line's end to its label, which stands right of the plot (chartData).
          {
            mark: { type: 'rule', color: r.colour, strokeWidth: 1 },
            encoding: {
              x: { field: 'lineX', type: 'quantitative', scale: null },
              x2: { field: 'leaderX' },
              y: { field: 'lineY', type: 'quantitative', scale: null },
              y2: { field: 'leaderY' },
            },
          },
          {
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'top',
              lineHeight: LINE_PX,
              fontSize: CHART_FONT_PX,
              font: FONT,
              color: r.colour,
              x: { expr: 'datum.labelX' },
              y: { expr: 'datum.labelY' },
              text: { expr: 'datum.lines' },
            },
            encoding: {},
          },
        ],
      })),
    ],
  };
}

/** Where the chart's plot sits in its CHART_SIZE image, in pixels. */
export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly padding: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

export interface ChartData {
  /** Named data: the series, and each line as one labelled value or none. */
  readonly data: Record<'series' | RuleKey, readonly Record<string, unknown>[]>;
  readonly signals: {
    readonly bp_ydomain: readonly [number, number];
    readonly bp_yticks: readonly number[];
    readonly bp_yformat: string;
    readonly bp_ysuffix: string;
    readonly bp_xdomain: readonly [number, number];
    readonly bp_xticks: readonly number[];
    readonly bp_xyears: readonly number[];
  };
  readonly layout: ChartLayout;
}

/**
 * Lines whose values are equal at the indicator's precision, drawn as one with one label:
 * "Target and England 22.0%". The first of them in RULES order gives the line its look.
 */
export function lineGroups(chart: Chart): { keys: RuleKey[]; value: number; label: string }[] {
  const value = (v: number) => `${formatNumber(v, chart.decimals)}${chart.unit === '%' ? '%' : ''}`;
  const groups: { keys: RuleKey[]; names: string[]; value: number; text: string }[] = [];
  for (const r of RULES) {
    const v = chart[r.key];
    if (v === undefined) continue;
    const text = value(v);
    const same = groups.find((g) => g.text === text);
    if (same) {
      same.keys.push(r.key);
      same.names.push(r.name);
    } else groups.push({ keys: [r.key], names: [r.name], value: v, text });
  }
  return groups.map((g) => {
    const names = g.names.length === 1 ? g.names[0]! : `${g.names.slice(0, -1).join(', ')} and ${g.names[g.names.length - 1]}`;
    return { keys: g.keys, value: g.value, label: `${names.charAt(0).toUpperCase()}${names.slice(1)} ${g.text}` };
  });
}

/** Words in lines no wider than `width` pixels (a single longer word stands alone). */
export function wrapText(text: string, width = WRAP): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Tops of blocks of text in a column, each as near its wanted top as it can be without two
 * blocks closer than `gap` or any leaving [from, to]: blocks that would overlap move as one,
 * centred on where they want to be. Blocks are given top to bottom by wanted top.
 */
export function stackBlocks(blocks: readonly { want: number; height: number }[], from: number, to: number, gap = 3): number[] {
  type Run = { first: number; last: number; top: number; height: number };
  const place = (r: Run) => {
    const own = blocks.slice(r.first, r.last + 1);
    let offset = 0;
    let sum = 0;
    for (const b of own) {
      sum += b.want - offset;
      offset += b.height + gap;
    }
    r.top = Math.min(Math.max(sum / own.length, from), to - r.height);
  };
  const runs: Run[] = [];
  for (const [i, b] of blocks.entries()) {
    const run: Run = { first: i, last: i, top: b.want, height: b.height };
    place(run);
    runs.push(run);
    // Merge with the run above while they overlap.
    while (runs.length > 1) {
      const below = runs[runs.length - 1]!;
      const above = runs[runs.length - 2]!;
      if (above.top + above.height + gap <= below.top) break;
      runs.splice(runs.length - 2, 2, { first: above.first, last: below.last, top: 0, height: above.height + gap + below.height });
      place(runs[runs.length - 1]!);
    }
  }
  const tops: number[] = [];
  for (const r of runs) {
    let y = r.top;
    for (let i = r.first; i <= r.last; i++) {
      tops.push(y);
      y += blocks[i]!.height + gap;
    }
  }
  return tops;
}

/** About four round values across the domain, and the decimals their labels need. */
export function valueTicks(domain: readonly [number, number]): { ticks: number[]; decimals: number } {
  const [lo, hi] = domain;
  const rough = (hi - lo) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const error = rough / power;
  const step = (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1) * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k++) ticks.push(Number((k * step).toFixed(decimals + 2)));
  return { ticks, decimals };
}

const utc = (month: string) => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);

export interface MonthTick {
  readonly month: string;
  /** Pixels from the plot's left edge. */
  readonly x: number;
  readonly year: boolean;
}

/**
 * The months the axis labels, counting back from the last month every 1, 2, 3, 6 or 12
 * months, the fewest that leave at least MIN_GAP pixels between any two labels on a line.
 * The year goes under the first month labelled and wherever it changes; the first month's
 * year is left out only if it would touch the next one, which says it as well.
 */
export function monthTicks(months: readonly string[], plotWidth: number): { every: number; ticks: MonthTick[] } {
  const t0 = utc(months[0]!);
  const span = utc(months[months.length - 1]!) - t0 || 1;
  const yearWidth = textWidth('2000');
  let best: { every: number; ticks: MonthTick[] } | undefined;
  for (const every of EVERY) {
    const ticks: MonthTick[] = [];
    for (let i = months.length - 1; i >= 0; i -= every)
      ticks.unshift({ month: months[i]!, x: ((utc(months[i]!) - t0) / span) * plotWidth, year: false });
    let clear = true;
    for (let i = 0; i < ticks.length; i++) {
      const t = ticks[i]!;
      ticks[i] = { ...t, year: i === 0 || t.month.slice(0, 4) !== ticks[i - 1]!.month.slice(0, 4) };
      if (i > 0 && t.x - ticks[i - 1]!.x < (monthWidth(t.month) + monthWidth(ticks[i - 1]!.month)) / 2 + MIN_GAP) clear = false;
    }
    const withYear = ticks.filter((t) => t.year);
    if (withYear.length > 1 && withYear[1]!.x - withYear[0]!.x < yearWidth + MIN_GAP) ticks[0] = { ...ticks[0]!, year: false };
    best = { every, ticks };
    if (clear) break;
  }
  return best!;
}

const monthWidth = (month: string) => textWidth(MONTH_ABBR[Number(month.slice(5, 7)) - 1]!);

/** What one chart shows: its points, its lines with their labels, the axes, where the plot sits. */
export function chartData(chart: Chart): ChartData {
  const pct = chart.unit === '%';
  const groups = lineGroups(chart);
  const all = [...chart.points.map((p) => p.value), ...groups.map((g) => g.value)].filter((v): v is number => v !== null);
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.1 || 1;
  const domain: [number, number] = [pct ? Math.max(0, lo - pad) : lo - pad, pct ? Math.min(100, hi + pad) : hi + pad];
  const y = valueTicks(domain);
  const suffix = pct ? '%' : '';
  const valueAxis = TICK + LABEL_PAD + Math.max(0, ...y.ticks.map((v) => textWidth(`${formatNumber(v, y.decimals)}${suffix}`)));

  // The months, and how far the first and last month's labels may reach beyond the plot.
  const months = chart.points.map((p) => p.month);
  const first = months[0] ?? '2000-01';
  const last = months[months.length - 1] ?? first;
  const reach = (m: string) => Math.max(monthWidth(m), textWidth('2000')) / 2;

  const labelled = groups.map((g) => ({ ...g, lines: wrapText(g.label) }));
  const column = Math.max(0, ...labelled.flatMap((g) => g.lines.map((l) => textWidth(l))));
  const padding = {
    left: Math.ceil(EDGE + Math.max(valueAxis, reach(first))),
    right: Math.ceil(EDGE + (labelled.length > 0 ? GAP + column : reach(last))),
    top: TOP,
    bottom: X_AXIS + EDGE,
  };
  const width = CHART_SIZE.width - padding.left - padding.right;
  const height = CHART_SIZE.height - padding.top - padding.bottom;
  const x = monthTicks(months.length > 0 ? months : [first], width);

  // Each label in the column right of the plot, centred on its line where there is room.
  const yOf = (v: number) => ((domain[1] - v) / (domain[1] - domain[0])) * height;
  const order = labelled.map((g) => ({ ...g, lineY: yOf(g.value), height: g.lines.length * LINE_PX })).sort((a, b) => a.lineY - b.lineY);
  const tops = stackBlocks(
    order.map((g) => ({ want: g.lineY - g.height / 2, height: g.height })),
    1 - TOP,
    height + TICK + LABEL_PAD - 1,
  );

  const data: Record<string, Record<string, unknown>[]> = { series: chart.points.map((p) => ({ date: `${p.month}-01`, value: p.value })) };
  for (const r of RULES) data[r.key] = [];
  for (const [i, g] of order.entries()) {
    data[g.keys[0]!] = [
      {
        value: g.value,
        lines: g.lines,
        lineX: width,
        lineY: g.lineY,
        leaderX: width + GAP - 2,
        leaderY: tops[i]! + g.height / 2,
        labelX: width + GAP,
        labelY: tops[i]!,
      },
    ];
  }
  const t0 = utc(first);
  const tn = utc(last);
  return {
    data: data as ChartData['data'],
    signals: {
      bp_ydomain: domain,
      bp_yticks: y.ticks,
      bp_yformat: `,.${y.decimals}f`,
      bp_ysuffix: suffix,
      // One month has no span: half a month either side.
      bp_xdomain: tn > t0 ? [t0, tn] : [t0 - 15 * 864e5, t0 + 15 * 864e5],
      bp_xticks: x.ticks.map((t) => utc(t.month)),
      bp_xyears: x.ticks.filter((t) => t.year).map((t) => utc(t.month)),
    },
    layout: { width, height, padding },
  };
}

/**
 * resvg-js allocates with mimalloc, which by default hands freed memory back to the system
 * at once, so every chart's 1.5 MB image is faulted in afresh: a third of a chart's cost
 * (300 charts: 7.3 s and 161,000 page faults; with purging off, 5.1 s and 49,000, and the
 * same peak memory). mimalloc reads its options from the environment when the addon loads,
 * so this runs first, in the main thread, before any worker loads it. A user's own setting
 * stands.
 */
export function tuneChartAllocator(): void {
  process.env['MIMALLOC_PURGE_DELAY'] ??= '-1';
}

let libraries:
  | Promise<{ vega: typeof import('vega'); vl: typeof import('vega-lite'); resvg: typeof import('@resvg/resvg-js') }>
  | undefined;
/** vega and resvg take a third of a second to load: only when a pack has charts. */
export const loadLibraries = () => {
  if (!libraries) {
    tuneChartAllocator();
    libraries = Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]).then(([vega, vl, resvg]) => ({
      vega,
      vl,
      resvg,
    }));
  }
  return libraries;
};

/**
 * The parsed vega spec, the same for every chart. Compiling and parsing cost a tenth of a
 * second. Every chart gets a fresh view, so its drawing never depends on the charts drawn
 * before it: the SVG is the same as from a fresh compile (tested).
 */
let parsed: Promise<unknown> | undefined;

/** The compiled spec; a drawing thread calls this before its first chart arrives. */
export function prepareChart(): Promise<unknown> {
  if (!parsed) {
    parsed = loadLibraries().then(({ vega, vl }) => {
      const compiled = vl.compile(chartSpec() as unknown as Parameters<typeof vl.compile>[0]).spec as unknown as {
        scales: { name: string; domain: unknown }[];
        axes: { scale: string; values?: unknown; tickCount?: unknown; tickMinStep?: unknown }[];
        signals?: { name: string; value?: unknown }[];
      };
      // Domains and ticks of both axes come with each chart (chartData).
      const signal = { x: { domain: 'bp_xdomain', ticks: 'bp_xticks' }, y: { domain: 'bp_ydomain', ticks: 'bp_yticks' } } as const;
      for (const name of ['x', 'y'] as const) {
        const scale = compiled.scales.find((s) => s.name === name);
        const axes = compiled.axes.filter((a) => a.scale === name);
        if (!scale || axes.length === 0) throw new Error(`chart spec changed: no ${name} scale or axis`);
        scale.domain = { signal: signal[name].domain };
        // Every tick given is drawn: vega thins out ticks beyond tickCount, or closer than tickMinStep.
        for (const a of axes) {
          a.values = { signal: signal[name].ticks };
          a.tickCount = { signal: `length(${signal[name].ticks})` };
          delete a.tickMinStep;
        }
      }
      compiled.signals = [
        ...(compiled.signals ?? []),
        ...Object.values(signal).flatMap((s) => [
          { name: s.domain, value: [0, 1] },
          { name: s.ticks, value: [] },
        ]),
      ];
      return vega.parse(compiled as unknown as Parameters<typeof vega.parse>[0]);
    });
  }
  return parsed;
}

export async function chartSvg(chart: Chart): Promise<string> {
  const { vega } = await loadLibraries();
  const spec = (await prepareChart()) as ReturnType<typeof vega.parse>;
  const { data, signals, layout } = chartData(chart);
  const view = new vega.View(spec, { renderer: 'none' });
  try {
    view.width(layout.width).height(layout.height).padding(layout.padding);
    for (const [name, values] of Object.entries(data)) view.data(name, values as object[]);
    for (const [name, value] of Object.entries(signals)) view.signal(name, value);
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const FONT_OPTIONS = { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT };

/**
 * Labels as outlines, each drawn once. resvg reads the font file again for every piece of text
 * it shapes (thx/resvg-js#367: a hundred reads of 400 KB per chart), while a pack's charts
 * share most labels ("Nov", "2026", "20%"). So each distinct label, its transform aside, is
 * shaped once by resvg itself into paths, and the chart is drawn with those: the same pixels
 * (tested), a third of the time. Keyed by the whole element, so the cache cannot change a
 * drawing; a label vega writes without a transform is left as text.
 */
const outlines = new Map<string, string>();
const TEXT = /<text\b([^>]*?) transform="([^"]*)"([^>]*)>([\s\S]*?)<\/text>/g;

export function outlineText(svg: string, resvg: typeof import('@resvg/resvg-js')): string {
  return svg.replace(TEXT, (_m, before: string, transform: string, after: string, body: string) => {
    const key = `${before}${after}>${body}`;
    let paths = outlines.get(key);
    if (paths === undefined) {
      const alone = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><text${before}${after}>${body}</text></svg>`;
      paths = new resvg.Resvg(alone, { font: FONT_OPTIONS })
        .toString()
        .replace(/^[\s\S]*?<svg[^>]*>/, '')
        .replace(/<\/svg>\s*$/, '');
      outlines.set(key, paths);
    }
    return `<g transform="${transform}">${paths}</g>`;
  });
}

/** The chart as PNG, drawn in this thread. The pack's charts are drawn by chart-pool.ts's workers. */
export async function chartPng(chart: Chart): Promise<Uint8Array> {
  const { resvg } = await loadLibraries();
  const svg = outlineText(await chartSvg(chart), resvg);
  // renderAsync, not Resvg.render(): in resvg-js 2.6.2 every synchronous render keeps its
  // 1.5 MB image for good, however often V8 collects (thx/resvg-js#216; measured).
  const image = await resvg.renderAsync(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    // Fonts only when a label is still text: loading them costs even when unused.
    font: svg.includes('<text') ? FONT_OPTIONS : { loadSystemFonts: false },
  });
  const bytes = image.asPng();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
