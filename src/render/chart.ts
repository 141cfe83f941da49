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

/** Display size in pixels (96 per inch); the chart is drawn at twice this. */
export const CHART_SIZE = { width: 440, height: 210 } as const;

const COLOURS = { series: '#1F4E79', target: '#C00000', england: '#595959', sn: '#7F6000' } as const;

/** The lines across a chart, in drawing order. */
const RULES = [
  { key: 'target', label: 'Target', colour: COLOURS.target, dash: [6, 3] },
  { key: 'england', label: 'England', colour: COLOURS.england, dash: [2, 2] },
  { key: 'statisticalNeighbours', label: 'Neighbours', colour: COLOURS.sn, dash: [4, 2, 1, 2] },
] as const;

/**
 * The vega-lite spec of a chart. It holds no data and nothing that varies by
 * indicator (unit, decimals, which lines it has): those come as named data and signals (see
 * chartData), so one compiled spec serves every chart, and a drawing thread compiles it
 * before its first chart arrives.
 */
export function chartSpec(): Record<string, unknown> {
  const { width, height } = CHART_SIZE;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    height,
    // The whole chart, axes included, is width × height, so the PNG is exactly twice the size
    // the document shows it at, undistorted.
    autosize: { type: 'fit', contains: 'padding' },
    padding: 4,
    background: 'white',
    params: [
      { name: 'bp_yformat', value: ',.0f' },
      { name: 'bp_ysuffix', value: '' },
    ],
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelFont: FONT, titleFont: FONT, labelFontSize: 10, labelColor: '#000000', domainColor: '#595959', tickColor: '#595959', labelLimit: 80 },
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
            scale: { type: 'utc' },
            // Month on one line, the year under the first month and under each January: narrow
            // enough for twelve ticks' labels to fit without vega's width estimates dropping some.
            axis: {
              title: null,
              labelExpr: "[utcFormat(datum.value, '%b'), datum.index == 0 || utcmonth(datum.value) == 0 ? utcFormat(datum.value, '%Y') : '']",
              labelAngle: 0,
              tickCount: 12,
              labelOverlap: false,
              grid: false,
            },
          },
          y: {
            field: 'value',
            type: 'quantitative',
            // Replaced by the bp_ydomain signal once compiled (see chartSvg).
            scale: { domain: [0, 1], nice: false, zero: false },
            axis: { title: null, labelExpr: 'format(datum.value, bp_yformat) + bp_ysuffix', tickCount: 4, grid: true, gridColor: '#E0E0E0' },
          },
        },
      },
      ...RULES.map((r) => ({
        data: { name: r.key },
        layer: [
          { mark: { type: 'rule', color: r.colour, strokeDash: r.dash, strokeWidth: 1.5 }, encoding: { y: { field: 'value', type: 'quantitative' } } },
          // A white halo first, so that a label stays readable where the series line runs under it.
          lineLabel({ color: 'white', stroke: 'white', strokeWidth: 3, strokeJoin: 'round' }),
          lineLabel({ color: r.colour }),
        ],
      })),
    ],
  };
}

/** A line's label; side and position come with the label (see chartData). */
function lineLabel(paint: Record<string, unknown>): Record<string, unknown> {
  return {
    mark: {
      type: 'text',
      align: { expr: "datum.right ? 'right' : 'left'" },
      baseline: { expr: "datum.below ? 'top' : 'bottom'" },
      dy: { expr: 'datum.dy' },
      x: { expr: 'datum.right ? width : 4' },
      fontSize: 10,
      font: FONT,
      ...paint,
    },
    encoding: { y: { field: 'labelAt', type: 'quantitative' }, text: { field: 'label' } },
  };
}

export interface ChartData {
  /** Named data: the series, and each line as one labelled value or none. */
  readonly data: Record<'series' | (typeof RULES)[number]['key'], readonly Record<string, unknown>[]>;
  readonly signals: { readonly bp_ydomain: readonly [number, number]; readonly bp_yformat: string; readonly bp_ysuffix: string };
}

/** Pixels the x axis and padding take from a chart's height. */
const AXES_HEIGHT = 37;
/** A label's height in pixels, with a little room. */
const LABEL_HEIGHT = 13;

/**
 * Where each line's label goes, so that no label is struck through by a line or sits on
 * another label. Lines closer than a label's height form a cluster; labels alternate sides
 * in order of value, so two labels on one side are never for neighbouring lines; on each
 * side the labels of a cluster go above its top line, or the lowest below its bottom line.
 */
export function placeLabels<R extends { key: string; value: number }>(
  lines: readonly R[],
  domain: readonly [number, number],
  plotHeight: number,
): (R & { at: number; below: boolean; dy: number; right: boolean })[] {
  const h = (LABEL_HEIGHT / plotHeight) * (domain[1] - domain[0]);
  const sorted = [...lines].sort((a, b) => a.value - b.value);
  const clusters: R[][] = [];
  for (const l of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && l.value - last[last.length - 1]!.value < h) last.push(l);
    else clusters.push([l]);
  }
  const out: (R & { at: number; below: boolean; dy: number; right: boolean })[] = [];
  let index = 0;
  for (const cluster of clusters) {
    const bottom = cluster[0]!.value;
    const top = cluster[cluster.length - 1]!.value;
    // Above the cluster unless that would leave the plot.
    const roomAbove = top + h <= domain[1];
    const sides = new Map<boolean, R[]>();
    for (const l of cluster) {
      const right = index++ % 2 === 0;
      sides.set(right, [...(sides.get(right) ?? []), l]);
    }
    for (const [right, side] of sides) {
      // The side's highest label goes above the cluster and the others under it, stacked
      // downwards from the highest; all under it when the plot has no room above.
      let stacked = 0;
      for (const l of [...side].reverse()) {
        const above = l === side[side.length - 1] && roomAbove;
        out.push({ ...l, at: above ? top : bottom, below: !above, dy: above ? -2 : 2 + LABEL_HEIGHT * stacked++, right });
      }
    }
  }
  return lines.map((l) => out.find((o) => o.key === l.key)!);
}

/** What one chart shows: its points, its lines with their labels, the value axis. */
export function chartData(chart: Chart): ChartData {
  const pct = chart.unit === '%';
  const present = RULES.flatMap((r) => (chart[r.key] === undefined ? [] : [{ ...r, value: chart[r.key]! }]));
  const all = [...chart.points.map((p) => p.value), ...present.map((r) => r.value)].filter((v): v is number => v !== null);
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.1 || 1;
  const domain: [number, number] = [pct ? Math.max(0, lo - pad) : lo - pad, pct ? Math.min(100, hi + pad) : hi + pad];
  const data: Record<string, Record<string, unknown>[]> = { series: chart.points.map((p) => ({ date: `${p.month}-01`, value: p.value })) };
  for (const r of RULES) data[r.key] = [];
  for (const l of placeLabels(present, domain, CHART_SIZE.height - AXES_HEIGHT)) {
    data[l.key] = [{ value: l.value, label: `${l.label} ${l.value}${pct ? '%' : ''}`, labelAt: l.at, below: l.below, dy: l.dy, right: l.right }];
  }
  return {
    data: data as ChartData['data'],
    signals: { bp_ydomain: domain, bp_yformat: `,.${pct ? 0 : chart.decimals}f`, bp_ysuffix: pct ? '%' : '' },
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

let libraries: Promise<{ vega: typeof import('vega'); vl: typeof import('vega-lite'); resvg: typeof import('@resvg/resvg-js') }> | undefined;
/** vega and resvg take a third of a second to load: only when a pack has charts. */
export const loadLibraries = () =>
  (libraries ??= (tuneChartAllocator(), Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')])).then(([vega, vl, resvg]) => ({
    vega,
    vl,
    resvg,
  })));

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
        signals?: { name: string; value?: unknown }[];
      };
      const y = compiled.scales.find((x) => x.name === 'y');
      if (!y) throw new Error('chart spec changed: no y scale');
      y.domain = { signal: 'bp_ydomain' };
      compiled.signals = [...(compiled.signals ?? []), { name: 'bp_ydomain', value: [0, 1] }];
      return vega.parse(compiled as unknown as Parameters<typeof vega.parse>[0]);
    });
  }
  return parsed;
}

export async function chartSvg(chart: Chart): Promise<string> {
  const { vega } = await loadLibraries();
  const spec = (await prepareChart()) as ReturnType<typeof vega.parse>;
  const { data, signals } = chartData(chart);
  const view = new vega.View(spec, { renderer: 'none' });
  try {
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
