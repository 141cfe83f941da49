import { Resvg } from '@resvg/resvg-js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartOf, trendInWords } from '../../src/5-compose/charts.js';
import type { Chart } from '../../src/model/chart.js';
import type { Indicator, IndicatorResult } from '../../src/model/types.js';
import { computeIndicator } from '../../src/4-compute/index.js';
import { ChartPool } from '../../src/6-render/chart-pool.js';
import {
  CHART_SIZE,
  chartData,
  chartPng,
  chartSvg,
  lineGroups,
  outlineText,
  stackBlocks,
  textWidth,
  valueTicks,
  wrapText,
} from '../../src/6-render/chart.js';
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
    const c = chartOf(r, '2024-11');
    expect(c.alt).toBe(
      'Fell from 24.0% in December 2023 to 19.0% in November 2024, better (lower is better); target 20.0%; England 22.0%.',
    );
  });

  it('says whether the change is better or worse by the polarity, and a run of worsening months', () => {
    const rising = [58.3, 57, 60, 62, 61, 60, 59, 59, 62, 65, 70, 74.1];
    const lower = chartOf(result(ind(rising, { target: 60, comparators: {} })), '2024-11');
    expect(lower.alt).toBe(
      'Rose from 58.3% in December 2023 to 74.1% in November 2024, worse (lower is better); worse for 4 months running; target 60.0%.',
    );
    const higher = chartOf(result(ind(rising, { polarity: 'higher', target: 60, comparators: {} })), '2024-11');
    expect(higher.alt).toBe('Rose from 58.3% in December 2023 to 74.1% in November 2024, better (higher is better); target 60.0%.');
    // A contextual indicator is neither better nor worse.
    const context = chartOf(result(ind(rising, { polarity: 'contextual', target: undefined, comparators: {} })), '2024-11');
    expect(context.alt).toBe('Rose from 58.3% in December 2023 to 74.1% in November 2024.');
    expect(
      trendInWords(result(ind([10, 10])), [
        { month: '2023-12', value: 10 },
        { month: '2024-01', value: 10 },
      ]),
    ).toMatch(/^Unchanged at 10\.0% from December 2023 to January 2024 \(lower is better\);/);
    expect(trendInWords(result(ind([10])), [{ month: '2023-12', value: 10 }])).toBe(
      '10.0% in December 2023, the only value shown; lower is better; target 20.0%; England 22.0%.',
    );
  });

  it('says rose, unchanged, or that there are no values', () => {
    expect(
      trendInWords(result(ind([10, 12])), [
        { month: '2023-12', value: 10 },
        { month: '2024-01', value: 12 },
      ]),
    ).toMatch(/^Rose from 10\.0% in December 2023 to 12\.0% in January 2024/);
    expect(
      trendInWords(result(ind([10, 10])), [
        { month: '2023-12', value: 10 },
        { month: '2024-01', value: 10 },
      ]),
    ).toMatch(/^Unchanged at 10\.0% from December 2023 to January 2024/);
    expect(trendInWords(result(ind([])), [{ month: '2024-01', value: null }])).toMatch(/^No values in the months shown/);
  });

  it('shows as many months as configured', () => {
    const c = chartOf(result(ind([24, null, 22])), '2024-11', 24);
    expect(c.points).toHaveLength(24);
    expect(c.points[0]!.month).toBe('2022-12');
    expect(c.points[23]!.month).toBe('2024-11');
  });

  it('shows the twelve months to the period, gaps as no value', () => {
    const c = chartOf(result(ind([24, null, 22])), '2024-11');
    expect(c.points).toHaveLength(12);
    expect(c.points[0]).toEqual({ month: '2023-12', value: 24 });
    expect(c.points[1]).toEqual({ month: '2024-01', value: null });
    expect(c.points[11]!.month).toBe('2024-11');
  });
});

describe('chart drawing', () => {
  const chart = chartOf(result(ind([24, 23, 22, 21, 20, 21, 20, 19.5, 19, 19.2, 19.1, 19])), '2024-11');

  it('gives the same PNG bytes for the same chart', async () => {
    const a = await chartPng(chart);
    const b = await chartPng({ ...chart });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect([...a.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('draws its axis labels with the shipped font (dark pixels under the plot)', async () => {
    const svg = await chartSvg(chart);
    // Month, then the year under the first month and where the year changes.
    expect(svg).toContain('<tspan>Jan</tspan><tspan x="0" dy="13">2024</tspan>');
    expect(svg).toMatch(/>Feb<\/text>/);
    const fonts = ['LiberationSans-Regular.ttf'].map((f) => path.join(ROOT, 'templates/fonts', f));
    const img = new Resvg(svg, {
      background: 'white',
      font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'Liberation Sans' },
    }).render();
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
    const draw = (s: string) =>
      new Resvg(s, {
        fitTo: { mode: 'zoom', value: 2 },
        background: 'white',
        font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'Liberation Sans' },
      }).render().pixels;
    expect(Buffer.compare(draw(svg), draw(outlined))).toBe(0);
  });

  it('draws lines equal at the shown precision once, with one label naming them all', () => {
    const values = [24, 23, 22, 21, 20, 21, 20, 19.5, 19, 19.2, 19.1, 19];
    const data = (target: number | undefined, comparators: Indicator['comparators']) =>
      chartData(chartOf(result(ind(values, { ...(target === undefined ? { target: undefined } : { target }), comparators })), '2024-11'))
        .data;
    // 22 and 22.04 are both 22.0% at one decimal: one line, in the target's look.
    const two = data(22, { england: 22.04 });
    expect(two.england).toEqual([]);
    expect(two.target.map((d) => [d['value'], (d['lines'] as string[]).join(' ')])).toEqual([[22, 'Target and England 22.0%']]);
    const three = data(22, { england: 22, statisticalNeighbours: 21.96 });
    expect([three.england, three.statisticalNeighbours]).toEqual([[], []]);
    expect((three.target[0]!['lines'] as string[]).join(' ')).toBe('Target, England and neighbours 22.0%');
    const comparators = data(undefined, { england: 21.6, statisticalNeighbours: 21.6 });
    expect((comparators.england[0]!['lines'] as string[]).join(' ')).toBe('England and neighbours 21.6%');
    // 22.0% and 22.1% differ as shown: two lines, two labels.
    const apart = data(22, { england: 22.1 });
    expect([apart.target, apart.england].map((d) => (d[0]!['lines'] as string[]).join(' '))).toEqual(['Target 22.0%', 'England 22.1%']);
    expect(
      lineGroups({ ...chartOf(result(ind(values)), '2024-11'), unit: 'days', decimals: 0, target: 1234.4, england: 1234 }).map(
        (g) => g.label,
      ),
    ).toEqual(['Target and England 1,234']);
  });

  it('stacks labels in their column: each centred on its line when there is room, never on another', () => {
    // Far apart: where they want to be.
    expect(
      stackBlocks(
        [
          { want: 10, height: 11 },
          { want: 50, height: 24 },
        ],
        -7,
        122,
      ),
    ).toEqual([10, 50]);
    // Overlapping: moved apart as one, centred on where they wanted to be.
    expect(
      stackBlocks(
        [
          { want: 40, height: 11 },
          { want: 44, height: 11 },
        ],
        -7,
        122,
      ),
    ).toEqual([35, 49]);
    // Against the top or bottom of the column: pushed inside it.
    expect(
      stackBlocks(
        [
          { want: -20, height: 11 },
          { want: -18, height: 11 },
        ],
        -7,
        122,
      ),
    ).toEqual([-7, 7]);
    expect(stackBlocks([{ want: 115, height: 24 }], -7, 122)).toEqual([98]);
    // A run that meets the one above joins it.
    expect(
      stackBlocks(
        [
          { want: 30, height: 11 },
          { want: 40, height: 11 },
          { want: 44, height: 11 },
        ],
        -7,
        122,
      ),
    ).toEqual([24, 38, 52]);
  });

  it('wraps a line label in its column and measures text as the font does', () => {
    expect(wrapText('Target and England 22.0%')).toEqual(['Target and', 'England 22.0%']);
    expect(wrapText('Target 95.0%')).toEqual(['Target 95.0%']);
    // Liberation Sans: "2026" is four digits of 1139/2048 em.
    expect(textWidth('2026', 11)).toBeCloseTo((4 * 1139 * 11) / 2048, 9);
  });

  it('chooses round value ticks and the decimals they need', () => {
    expect(valueTicks([16.9, 27.2])).toEqual({ ticks: [18, 20, 22, 24, 26], decimals: 0 });
    expect(valueTicks([94.2, 96.1])).toEqual({ ticks: [94.5, 95, 95.5, 96], decimals: 1 });
    expect(valueTicks([0, 12000])).toEqual({ ticks: [0, 2000, 4000, 6000, 8000, 10000, 12000], decimals: 0 });
  });
});

describe('chart pool', () => {
  it('draws in worker threads the same bytes as in this thread', async () => {
    const charts = [24, 30, 18].map((v) => chartOf(result(ind([v, 23, 22, 21, 20, 21, 20, 19.5, 19, 19.2, 19.1, v - 3])), '2024-11'));
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
      await expect(
        pool.draw({ ...chartOf(result(ind([24, 23])), '2024-11'), points: 'none' as unknown as Chart['points'] }),
      ).rejects.toThrow(/drawing a chart failed/);
    } finally {
      await pool.close();
    }
  });

  it('draws the charts here when a worker dies, with the same bytes', async () => {
    const chart = chartOf(result(ind([24, 23, 22, 21, 20, 21, 20, 19.5, 19, 19.2, 19.1, 19])), '2024-11');
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
