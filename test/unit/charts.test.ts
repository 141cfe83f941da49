import { Resvg } from '@resvg/resvg-js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartOf, trendInWords } from '../../src/compose/charts.js';
import type { Chart } from '../../src/model/chart.js';
import type { Indicator, IndicatorResult } from '../../src/model/types.js';
import { computeIndicator } from '../../src/compute/index.js';
import { ChartPool } from '../../src/render/chart-pool.js';
import { CHART_SIZE, chartData, chartPng, chartSvg, outlineText, placeLabels } from '../../src/render/chart.js';
import { ROOT } from '../helpers/workspace.js';

const ind = (values: (number | null)[], extra: Partial<Indicator> = {}): Indicator => ({
  id: 'CSC01',
  name: 'Re-referrals within 12 months',
  unit: '%',
  decimals: 1,
  polarity: 'lower',
  target: 20,
  tolerance: 2,
  comparators: { england: 22 },
  series: values.map((v, i) => ({ month: i < 1 ? '2023-12' : `2024-${String(i).padStart(2, '0')}`, value: v })),
  ...extra,
});
const result = (i: Indicator): IndicatorResult => computeIndicator(i, '2024-11');

describe('chart alt text says the trend in words', () => {
  it('names first and last values with their months, the target and England', () => {
    const r = result(ind([24, 23, 22, 21, 20, 21, 20, 19.5, 19, 19.2, 19.1, 19]));
    const c = chartOf(r, '2024-11', 'large');
    expect(c.alt).toBe('Fell from 24.0% in December 2023 to 19.0% in November 2024, better (lower is better); target 20.0%; England 22.0%.');
  });

  it('says whether the change is better or worse by the polarity, and a run of worsening months', () => {
    const rising = [58.3, 57, 60, 62, 61, 60, 59, 59, 62, 65, 70, 74.1];
    const lower = chartOf(result(ind(rising, { target: 60, comparators: {} })), '2024-11', 'large');
    expect(lower.alt).toBe('Rose from 58.3% in December 2023 to 74.1% in November 2024, worse (lower is better); worse for 4 months running; target 60.0%.');
    const higher = chartOf(result(ind(rising, { polarity: 'higher', target: 60, comparators: {} })), '2024-11', 'large');
    expect(higher.alt).toBe('Rose from 58.3% in December 2023 to 74.1% in November 2024, better (higher is better); target 60.0%.');
    // A contextual indicator is neither better nor worse.
    const context = chartOf(result(ind(rising, { polarity: 'contextual', target: undefined, comparators: {} })), '2024-11', 'large');
    expect(context.alt).toBe('Rose from 58.3% in December 2023 to 74.1% in November 2024.');
    expect(trendInWords(result(ind([10, 10])), [{ month: '2023-12', value: 10 }, { month: '2024-01', value: 10 }])).toMatch(/^Unchanged at 10\.0% from December 2023 to January 2024 \(lower is better\);/);
    expect(trendInWords(result(ind([10])), [{ month: '2023-12', value: 10 }])).toBe('10.0% in December 2023, the only value shown; lower is better; target 20.0%; England 22.0%.');
  });

  it('says rose, unchanged, or that there are no values', () => {
    expect(trendInWords(result(ind([10, 12])), [{ month: '2023-12', value: 10 }, { month: '2024-01', value: 12 }])).toMatch(/^Rose from 10\.0% in December 2023 to 12\.0% in January 2024/);
    expect(trendInWords(result(ind([10, 10])), [{ month: '2023-12', value: 10 }, { month: '2024-01', value: 10 }])).toMatch(/^Unchanged at 10\.0% from December 2023 to January 2024/);
    expect(trendInWords(result(ind([])), [{ month: '2024-01', value: null }])).toMatch(/^No values in the months shown/);
  });

  it('shows as many months as configured', () => {
    const c = chartOf(result(ind([24, null, 22])), '2024-11', 'large', 24);
    expect(c.points).toHaveLength(24);
    expect(c.points[0]!.month).toBe('2022-12');
    expect(c.points[23]!.month).toBe('2024-11');
  });

  it('shows the twelve months to the period, gaps as no value', () => {
    const c = chartOf(result(ind([24, null, 22])), '2024-11', 'large');
    expect(c.points).toHaveLength(12);
    expect(c.points[0]).toEqual({ month: '2023-12', value: 24 });
    expect(c.points[1]).toEqual({ month: '2024-01', value: null });
    expect(c.points[11]!.month).toBe('2024-11');
  });
});

describe('chart drawing', () => {
  const chart = chartOf(result(ind([24, 23, 22, 21, 20, 21, 20, 19.5, 19, 19.2, 19.1, 19])), '2024-11', 'large');

  it('gives the same PNG bytes for the same chart', async () => {
    const a = await chartPng(chart);
    const b = await chartPng({ ...chart });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect([...a.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('draws its axis labels with the shipped font (dark pixels under the plot)', async () => {
    const svg = await chartSvg(chart);
    // Month, then the year under the first month and under January only.
    expect(svg).toContain('<tspan>Dec</tspan><tspan x="0" dy="12">2023</tspan>');
    expect(svg).toContain('<tspan>Jan</tspan><tspan x="0" dy="12">2024</tspan>');
    expect(svg).toContain('<tspan>Feb</tspan><tspan x="0" dy="12"/>');
    const fonts = ['LiberationSans-Regular.ttf'].map((f) => path.join(ROOT, 'templates/fonts', f));
    const img = new Resvg(svg, { background: 'white', font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'Liberation Sans' } }).render();
    const { width, height, pixels } = img;
    let dark = 0;
    // The bottom sixth holds the month labels.
    for (let y = Math.floor(height * 0.85); y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        if (pixels[i]! < 100 && pixels[i + 1]! < 100 && pixels[i + 2]! < 100) dark++;
      }
    }
    expect(dark).toBeGreaterThan(100);
  });

  it('is exactly twice its display size, axes included', async () => {
    const png = await chartPng(chart);
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([CHART_SIZE.width * 2, CHART_SIZE.height * 2]);
  });

  it('draws labels as outlines with the same pixels as the font gives them', async () => {
    const resvg = await import('@resvg/resvg-js');
    const svg = await chartSvg(chart);
    const outlined = outlineText(svg, resvg);
    expect(svg).toContain('<text');
    expect(outlined).not.toContain('<text');
    const fonts = [path.join(ROOT, 'templates/fonts/LiberationSans-Regular.ttf')];
    const draw = (s: string) => new Resvg(s, { fitTo: { mode: 'zoom', value: 2 }, background: 'white', font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'Liberation Sans' } }).render().pixels;
    expect(Buffer.compare(draw(svg), draw(outlined))).toBe(0);
  });

  it('keeps line labels off each other and off the lines, even when the lines bunch', () => {
    // Target 22, England 22.4 and neighbours 21.6 on a 20-29 scale: closer than a label is tall.
    const lines = [{ key: 'target', value: 22 }, { key: 'england', value: 22.4 }, { key: 'sn', value: 21.6 }];
    const placed = placeLabels(lines, [20, 29], 173);
    // In order of value, sides alternate: neighbours right, target left, England right.
    expect(placed.map((p) => [p.key, p.right])).toEqual([['target', false], ['england', true], ['sn', true]]);
    // Each side's highest label goes above the bunch, the other under it.
    expect(placed.map((p) => [p.key, p.at, p.below])).toEqual([['target', 22.4, false], ['england', 22.4, false], ['sn', 21.6, true]]);
    // Lines far apart: each label just above its own line.
    expect(placeLabels([{ key: 'a', value: 21 }, { key: 'b', value: 27 }], [20, 29], 173).map((p) => [p.at, p.below])).toEqual([[21, false], [27, false]]);
    // No room above the top of the plot: under the bunch, stacked.
    const top = placeLabels([{ key: 't', value: 100 }, { key: 'e', value: 99.5 }, { key: 's', value: 99 }], [17, 100], 173);
    expect(top.filter((p) => p.right).map((p) => [p.key, p.at, p.below, p.dy])).toEqual([['t', 99, true, 2], ['s', 99, true, 15]]);
    const { data } = chartData(chartOf(result(ind([24, 23, 22, 21, 20, 21, 20, 19.5, 19, 19.2, 19.1, 19], { target: 22, comparators: { england: 22.4 } })), '2024-11', 'large'));
    expect(data.target).toEqual([{ value: 22, label: 'Target 22%', labelAt: 22.4, below: false, dy: -2, right: true }]);
    expect(data.statisticalNeighbours).toEqual([]);
  });
});

describe('chart pool', () => {
  it('draws in worker threads the same bytes as in this thread', async () => {
    const charts = [24, 30, 18].map((v) => chartOf(result(ind([v, 23, 22, 21, 20, 21, 20, 19.5, 19, 19.2, 19.1, v - 3])), '2024-11', 'large'));
    const pool = new ChartPool(2);
    try {
      const drawn = await Promise.all(charts.map((c) => pool.draw(c)));
      for (const [i, c] of charts.entries()) expect(Buffer.from(drawn[i]!).equals(Buffer.from(await chartPng(c)))).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('fails the drawing, not the process, when a chart cannot be drawn', async () => {
    const pool = new ChartPool(1);
    try {
      await expect(pool.draw({ ...chartOf(result(ind([24, 23])), '2024-11', 'large'), points: 'none' as unknown as Chart['points'] })).rejects.toThrow(/drawing a chart failed/);
    } finally {
      await pool.close();
    }
  });

  it('draws the charts here when a worker dies, with the same bytes', async () => {
    const chart = chartOf(result(ind([24, 23, 22, 21, 20, 21, 20, 19.5, 19, 19.2, 19.1, 19])), '2024-11', 'large');
    // Too small a heap to load vega: the worker runs out of memory at once.
    const pool = new ChartPool(1, { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 });
    try {
      const drawn = await pool.draw(chart);
      expect(Buffer.from(drawn).equals(Buffer.from(await chartPng(chart)))).toBe(true);
      expect(Buffer.from(await pool.draw(chart)).equals(Buffer.from(drawn))).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
