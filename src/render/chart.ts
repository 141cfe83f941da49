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

/** Display size in pixels (96 per inch); the PNG is drawn at twice this. */
export const CHART_SIZE = { large: { width: 440, height: 210 }, small: { width: 264, height: 126 } } as const;

const COLOURS = { series: '#1F4E79', target: '#C00000', england: '#595959', sn: '#7F6000' } as const;

export function chartSpec(chart: Chart): Record<string, unknown> {
  const { width, height } = CHART_SIZE[chart.size];
  const pct = chart.unit === '%';
  const values = chart.points.map((p) => ({ date: `${p.month}-01`, value: p.value }));
  const rules = [
    ...(chart.target !== undefined ? [{ label: 'Target', value: chart.target, colour: COLOURS.target, dash: [6, 3] }] : []),
    ...(chart.england !== undefined ? [{ label: 'England', value: chart.england, colour: COLOURS.england, dash: [2, 2] }] : []),
    ...(chart.statisticalNeighbours !== undefined ? [{ label: 'Neighbours', value: chart.statisticalNeighbours, colour: COLOURS.sn, dash: [4, 2, 1, 2] }] : []),
  ];
  const small = chart.size === 'small';
  const x = {
    field: 'date',
    type: 'temporal',
    timeUnit: 'utcyearmonth',
    scale: { type: 'utc' },
    axis: { title: null, format: small ? '%b' : '%b %y', labelAngle: 0, tickCount: small ? 6 : 12, labelOverlap: true, grid: false },
  };
  const all = [...chart.points.map((p) => p.value), ...rules.map((r) => r.value)].filter((v): v is number => v !== null);
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.1 || 1;
  const domain = [pct ? Math.max(0, lo - pad) : lo - pad, pct ? Math.min(100, hi + pad) : hi + pad];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    height,
    background: 'white',
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelFont: FONT, titleFont: FONT, labelFontSize: small ? 9 : 10, labelColor: '#000000', domainColor: '#595959', tickColor: '#595959', labelLimit: 80 },
    },
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: { filled: true, size: small ? 18 : 30, color: COLOURS.series }, color: COLOURS.series, strokeWidth: 2 },
        encoding: {
          x,
          y: {
            field: 'value',
            type: 'quantitative',
            scale: { domain, nice: false, zero: false },
            axis: { title: null, format: `,.${pct ? 0 : chart.decimals}f`, ...(pct ? { labelExpr: "datum.label + '%'" } : {}), tickCount: 4, grid: true, gridColor: '#E0E0E0' },
          },
        },
      },
      // Labels alternate sides so that close lines (a target near England) stay readable.
      ...rules.map((r, i) => ({
        data: { values: [{ value: r.value, label: `${r.label} ${r.value}${pct ? '%' : ''}` }] },
        layer: [
          { mark: { type: 'rule', color: r.colour, strokeDash: r.dash, strokeWidth: 1.5 }, encoding: { y: { field: 'value', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: i % 2 === 0 ? 'right' : 'left', baseline: 'bottom', dy: -2, x: i % 2 === 0 ? width : 4, color: r.colour, fontSize: small ? 9 : 10, font: FONT },
            encoding: { y: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      })),
    ],
  };
}

let libraries: Promise<{ vega: typeof import('vega'); vl: typeof import('vega-lite'); resvg: typeof import('@resvg/resvg-js') }> | undefined;
/** vega and resvg take a third of a second to load: only when a pack has charts. */
const load = () =>
  (libraries ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]).then(([vega, vl, resvg]) => ({ vega, vl, resvg })));

/**
 * The parsed vega spec of each chart shape (size, unit, decimals, which lines). Compiling the
 * vega-lite spec and parsing it are costly and depend only on the shape, so each shape is
 * compiled once. Every chart gets a fresh view, so its drawing never depends on the charts
 * drawn before it: the SVG is the same as from a fresh compile (tested).
 */
const parsedByShape = new Map<string, unknown>();

export async function chartSvg(chart: Chart): Promise<string> {
  const { vega, vl } = await load();
  const spec = chartSpec(chart) as { layer: { data: { values: unknown[] }; encoding?: { y: { scale: { domain: number[] } } } }[] };
  const shape = JSON.stringify([chart.size, chart.unit === '%', chart.decimals, chart.target !== undefined, chart.england !== undefined, chart.statisticalNeighbours !== undefined]);
  let parsed = parsedByShape.get(shape);
  if (!parsed) {
    const compiled = vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec as unknown as {
      scales: { name: string; domain: unknown }[];
      signals?: { name: string; value?: unknown }[];
    };
    const y = compiled.scales.find((x) => x.name === 'y');
    if (!y) throw new Error('chart spec shape changed: no y scale');
    y.domain = { signal: 'bp_ydomain' };
    compiled.signals = [...(compiled.signals ?? []), { name: 'bp_ydomain', value: [0, 1] }];
    parsed = vega.parse(compiled as unknown as Parameters<typeof vega.parse>[0]);
    parsedByShape.set(shape, parsed);
  }
  const view = new vega.View(parsed as ReturnType<typeof vega.parse>, { renderer: 'none' });
  try {
    // source_0 holds the series, source_1... the lines, in layer order (vega-lite's naming).
    spec.layer.forEach((layer, i) => view.data(`source_${i}`, layer.data.values));
    view.signal('bp_ydomain', spec.layer[0]!.encoding!.y.scale.domain);
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The chart as PNG. Rasterising runs on libuv's thread pool (resvg's renderAsync), so while
 * one chart is rasterised the next is laid out here: both cores work.
 */
export async function chartPng(chart: Chart): Promise<Uint8Array> {
  const svg = await chartSvg(chart);
  const { resvg } = await load();
  const png = await resvg.renderAsync(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT },
  });
  const bytes = png.asPng();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
