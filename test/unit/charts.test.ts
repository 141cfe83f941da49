import { Resvg } from '@resvg/resvg-js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartOf, trendInWords } from '../../src/compose/charts.js';
import type { Indicator, IndicatorResult } from '../../src/model/types.js';
import { computeIndicator } from '../../src/compute/index.js';
import { chartPng, chartSvg } from '../../src/render/chart.js';
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
    expect(c.alt).toBe('Fell from 24.0% in December 2023 to 19.0% in November 2024; target 20.0%; England 22.0%; lower is better.');
  });

  it('says rose, unchanged, or that there are no values', () => {
    expect(trendInWords(result(ind([10, 12])), [{ month: '2023-12', value: 10 }, { month: '2024-01', value: 12 }])).toMatch(/^Rose from 10\.0% in December 2023 to 12\.0% in January 2024/);
    expect(trendInWords(result(ind([10, 10])), [{ month: '2023-12', value: 10 }, { month: '2024-01', value: 10 }])).toMatch(/^Unchanged at 10\.0% from December 2023 to January 2024/);
    expect(trendInWords(result(ind([])), [{ month: '2024-01', value: null }])).toMatch(/^No values in the months shown/);
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
    expect(svg).toContain('>Dec 23<');
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
});
