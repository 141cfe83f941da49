/**
 * Charts a committee can read, checked on what is drawn: the text elements of the SVG, their
 * positions, and widths bounded from above without the font (an upper case letter, m, w or %
 * as 0.95 em, any other character 0.6 em: Arial's widest are 0.944 and 0.556), so a pass here
 * does not lean on the widths the layout itself uses.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartOf } from '../../src/5-compose/charts.js';
import { computeIndicator } from '../../src/4-compute/index.js';
import type { Chart } from '../../src/model/chart.js';
import { addMonths } from '../../src/model/period.js';
import type { ReportModel } from '../../src/model/report.js';
import type { Indicator } from '../../src/model/types.js';
import { CHART_FONT_PX, CHART_SIZE, chartPng, chartSvg } from '../../src/6-render/chart.js';
import { renderDocx } from '../../src/6-render/docx.js';
import { ROOT, docxParts } from '../helpers/workspace.js';

const PERIOD = '2026-10';
const MONTHS = [3, 6, 12, 18, 24, 36, 48, 60];
const LINE_PX = 13;

/** A chart of `months` months to PERIOD; `at(i)` gives the i-th month's value. */
function chart(months: number, at: (i: number) => number | null, extra: Partial<Indicator> = {}): Chart {
  const ind: Indicator = {
    id: 'K1',
    name: 'Re-referrals within 12 months',
    unit: '%',
    decimals: 1,
    polarity: 'lower',
    target: 22,
    tolerance: 2,
    comparators: { england: 22.4, statisticalNeighbours: 21.6 },
    series: Array.from({ length: months }, (_, i) => ({ month: addMonths(PERIOD, i - months + 1), value: at(i) })),
    ...extra,
  };
  return chartOf(computeIndicator(ind, PERIOD), PERIOD, months);
}

const bound = (text: string) => [...text].reduce((w, c) => w + (/[A-Zmw%]/.test(c) ? 0.95 : 0.6), 0) * CHART_FONT_PX;

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  text: string;
}
const overlap = (a: Box, b: Box, gap = 0) => a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;

/** The plot's offset in the image: the root group's translate. */
function origin(svg: string): { x: number; y: number } {
  const m = /<g fill="none" stroke-miterlimit="4" transform="translate\(([\d.]+),([\d.]+)\)">/.exec(svg)!;
  return { x: Number(m[1]), y: Number(m[2]) };
}

/** The month axis labels, in the image's coordinates: each line of each label. */
function monthLabels(svg: string): { month: string; year?: string; x: number; lines: Box[] }[] {
  const o = origin(svg);
  const axis =
    /aria-label="X-axis[^"]*"><g transform="translate\(([\d.]+),([\d.]+)\)">([\s\S]*?)<g class="mark-rule role-axis-domain"/.exec(svg)!;
  const ax = o.x + Number(axis[1]);
  const ay = o.y + Number(axis[2]);
  return [...axis[3]!.matchAll(/<text text-anchor="middle" transform="translate\(([\d.]+),([\d.]+)\)"[^>]*>([\s\S]*?)<\/text>/g)].map(
    (m) => {
      const x = ax + Number(m[1]);
      const baseline = ay + Number(m[2]);
      const tspans = [...m[3]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]!);
      const texts = tspans.length > 0 ? tspans : [m[3]!];
      const lines = texts.map((t, k) => ({
        x0: x - bound(t) / 2,
        x1: x + bound(t) / 2,
        y0: baseline + k * LINE_PX - CHART_FONT_PX,
        y1: baseline + k * LINE_PX + 3,
        text: t,
      }));
      return { month: texts[0]!, ...(texts[1] ? { year: texts[1] } : {}), x, lines };
    },
  );
}

/** The lines' labels (the only left-aligned text) and the points, in the image's coordinates. */
function marks(svg: string): { labels: Box[]; points: { x: number; y: number }[] } {
  const o = origin(svg);
  const labels = [...svg.matchAll(/<text text-anchor="start" transform="translate\(([\d.]+),([\d.]+)\)"[^>]*>([\s\S]*?)<\/text>/g)].map(
    (m) => {
      const tspans = [...m[3]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]!);
      const texts = tspans.length > 0 ? tspans : [m[3]!];
      const x = o.x + Number(m[1]);
      const baseline = o.y + Number(m[2]);
      return {
        x0: x,
        x1: x + Math.max(...texts.map(bound)),
        y0: baseline - CHART_FONT_PX,
        y1: baseline + (texts.length - 1) * LINE_PX + 3,
        text: texts.join(' '),
      };
    },
  );
  const symbols = /<g class="mark-symbol role-mark[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
  const points = [...symbols.matchAll(/transform="translate\(([\d.]+),([\d.]+)\)"/g)].map((m) => ({
    x: o.x + Number(m[1]),
    y: o.y + Number(m[2]),
  }));
  return { labels, points };
}

/** Radius of a point (vega's symbol of area 30) with a pixel to spare. */
const POINT = Math.sqrt(30 / Math.PI) + 1;
const inImage = (b: Box) => b.x0 >= 0 && b.x1 <= CHART_SIZE.width && b.y0 >= 0 && b.y1 <= CHART_SIZE.height;

describe('month labels at any length from 3 to 60 months', () => {
  const wave = (i: number) => 22 + 4 * Math.sin(i / 2);
  const kinds: [string, (m: number) => Chart][] = [
    ['three lines', (m) => chart(m, wave)],
    ['no lines', (m) => chart(m, wave, { target: undefined, comparators: {} })],
    [
      'a long label',
      (m) => chart(m, (i) => 1000 + 40 * i, { unit: 'days', decimals: 0, target: 12345, comparators: { statisticalNeighbours: 12000 } }),
    ],
  ];

  it.each(MONTHS)('%i months: labels never touch, each year is shown where it changes, all inside the image', async (months) => {
    for (const [, make] of kinds) {
      const labels = monthLabels(await chartSvg(make(months)));
      // The last month is always labelled; up to 12 months, every month is.
      expect(labels[labels.length - 1]!.month).toBe(MONTH_NAMES[Number(PERIOD.slice(5)) - 1]);
      if (months <= 12) expect(labels).toHaveLength(months);
      for (let line = 0; line < 2; line++) {
        const boxes = labels.flatMap((l) => l.lines.slice(line, line + 1)).sort((a, b) => a.x0 - b.x0);
        for (let i = 1; i < boxes.length; i++)
          expect(boxes[i]!.x0, `${months} months: ${boxes[i - 1]!.text} and ${boxes[i]!.text}`).toBeGreaterThanOrEqual(
            boxes[i - 1]!.x1 + 1,
          );
      }
      for (const l of labels) for (const b of l.lines) expect(inImage(b), `${months} months: ${b.text} inside the image`).toBe(true);
      // Labelled months at a regular interval back from the last month: the year under each
      // label whose year differs from the label before, and under the first unless the next
      // label's year follows at once; any year shown is the label's own.
      const every = labels.length > 1 ? (monthIndex(labels[1]!.month) - monthIndex(labels[0]!.month) + 12) % 12 || 12 : 1;
      const ids = labels.map((_, i) => addMonths(PERIOD, -(labels.length - 1 - i) * every));
      expect(labels.map((l) => l.month)).toEqual(ids.map((id) => MONTH_NAMES[Number(id.slice(5)) - 1]));
      for (const [i, l] of labels.entries()) {
        if (l.year !== undefined) expect(l.year).toBe(ids[i]!.slice(0, 4));
        if (i > 0 && ids[i]!.slice(0, 4) !== ids[i - 1]!.slice(0, 4))
          expect(l.year, `${months} months: year under ${ids[i]}`).toBeDefined();
      }
      if (labels[0]!.year === undefined) expect(labels.slice(1).find((l) => l.year !== undefined)).toBe(labels[1]);
    }
  });

  it('labels every month up to 12, every 2 or 3 to 36, quarterly or half-yearly beyond', async () => {
    const every: Record<number, number> = {};
    for (const months of MONTHS) {
      const labels = monthLabels(await chartSvg(chart(months, wave)));
      every[months] = labels.length > 1 ? (monthIndex(labels[1]!.month) - monthIndex(labels[0]!.month) + 12) % 12 : 0;
    }
    expect(every).toEqual({ 3: 1, 6: 1, 12: 1, 18: 2, 24: 2, 36: 3, 48: 6, 60: 6 });
  });
});

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthIndex = (m: string) => MONTH_NAMES.indexOf(m);

describe('line labels', () => {
  // Awkward cases: points on and around the lines at the right-hand end, lines bunched, equal
  // at the shown precision, at the top and the foot of the plot, labels of several lines.
  const cases: [string, Chart][] = [
    ['series ends on the target', chart(12, (i) => 26 - (i * 4) / 11)],
    ['bunched lines, series through them', chart(12, (i) => 21.6 + (i % 3) * 0.4)],
    [
      'target and England equal',
      chart(18, (i) => 20 + i / 3, { target: 22, comparators: { england: 22.04, statisticalNeighbours: 21.6 } }),
    ],
    ['all three equal', chart(12, (i) => 30 - i, { target: 22, comparators: { england: 22, statisticalNeighbours: 22 } })],
    [
      'lines at the top of the plot',
      chart(24, (i) => 90 + (i % 5), { polarity: 'higher', target: 100, comparators: { england: 99.5, statisticalNeighbours: 99 } }),
    ],
    [
      'lines at the foot of the plot',
      chart(36, (i) => 5 + (i % 7), { target: 0, comparators: { england: 0.4, statisticalNeighbours: 0.8 } }),
    ],
    [
      'long values',
      chart(60, (i) => 12000 + ((i * 37) % 500), {
        unit: 'cases',
        decimals: 1,
        target: 12345.6,
        comparators: { england: 12000, statisticalNeighbours: 12400.2 },
      }),
    ],
    ['gaps and a single value', chart(6, (i) => (i === 5 ? 22.4 : null))],
  ];

  it.each(cases)('%s: labels clear of every point and of each other, inside the image', async (_name, c) => {
    const { labels, points } = marks(await chartSvg(c));
    expect(labels.length).toBeGreaterThan(0);
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) expect(overlap(a, b), `${a.text} / ${b.text}`).toBe(false);
      for (const p of points)
        expect(overlap(a, { x0: p.x - POINT, x1: p.x + POINT, y0: p.y - POINT, y1: p.y + POINT, text: '' }), `${a.text} on a point`).toBe(
          false,
        );
    }
  });

  it.each(cases)('%s: nothing cut off at the edges of the image', async (_name, c) => {
    const { Resvg } = await import('@resvg/resvg-js');
    const fonts = [path.join(ROOT, 'templates/fonts/LiberationSans-Regular.ttf')];
    const { width, height, pixels } = new Resvg(await chartSvg(c), {
      background: 'white',
      font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'Liberation Sans' },
    }).render();
    const white = (x: number, y: number) =>
      pixels[(y * width + x) * 4]! === 255 && pixels[(y * width + x) * 4 + 1]! === 255 && pixels[(y * width + x) * 4 + 2]! === 255;
    for (let x = 0; x < width; x++) expect(white(x, 0) && white(x, height - 1), `column ${x}`).toBe(true);
    for (let y = 0; y < height; y++) expect(white(0, y) && white(width - 1, y), `row ${y}`).toBe(true);
  });

  it('names coinciding lines together and draws them once', async () => {
    const svg = await chartSvg(cases[2]![1]);
    expect(marks(svg).labels.map((l) => l.text)).toEqual(['Target and England 22.0%', 'Neighbours 21.6%']);
    // The target's dashes and the neighbours' dot-dash; no dotted England line.
    expect(svg.match(/stroke-dasharray="[^"]*"/g)).toEqual(['stroke-dasharray="6,3"', 'stroke-dasharray="4,2,1,2"']);
  });
});

describe('charts in the scorecard appendix', () => {
  const charts = ['A', 'B', 'C'].map((t) => ({ ...chart(12, (i) => 20 + i), title: `Indicator ${t}`, alt: `Alt ${t}.` }));
  const model: ReportModel = {
    id: 'r',
    name: 'r',
    title: 't',
    subject: 's',
    creator: 'c',
    keywords: 'k',
    date: '2026-11-12',
    header: [{ label: 'Meeting Title', lines: [[{ text: 'Board' }]] }],
    summary: [],
    recommendations: [],
    body: [],
    appendices: [{ number: 1, title: 'Scorecard', blocks: [{ kind: 'charts', charts }] }],
  };

  it('lays them out two to a row in a layout table, each caption above its chart in its cell', async () => {
    const png = await chartPng(charts[0]!);
    const doc = docxParts(await renderDocx(model, async () => png))['word/document.xml']!;
    const tables = doc
      .split('<w:tbl>')
      .slice(1)
      .map((t) => t.slice(0, t.indexOf('</w:tbl>')));
    const grid = tables.find((t) => t.includes('<w:drawing>'))!;
    // A layout table: no header row, no header or banding look, no borders, rows kept whole.
    expect(grid).not.toContain('w:tblHeader');
    expect(grid).toMatch(
      /<w:tblLook w:firstRow="false" w:lastRow="false" w:firstColumn="false" w:lastColumn="false" w:noHBand="true" w:noVBand="true"\/>/,
    );
    expect(grid).not.toMatch(/w:val="single"/);
    const rows = grid.split('<w:tr>').slice(1);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
    const cells = rows.map((r) => r.split('<w:tc>').slice(1));
    expect(cells.map((c) => c.length)).toEqual([2, 2]);
    const filled = cells.flat().filter((c) => c.includes('<w:drawing>'));
    expect(filled).toHaveLength(3);
    for (const [i, c] of filled.entries()) {
      // The caption comes first in the cell, then the picture with its alt text.
      expect(c.indexOf(`>Indicator ${'ABC'[i]}<`)).toBeGreaterThan(-1);
      expect(c.indexOf(`>Indicator ${'ABC'[i]}<`)).toBeLessThan(c.indexOf('<w:drawing>'));
      expect(c).toContain(`descr="Alt ${'ABC'[i]}."`);
    }
    // The fourth cell is empty.
    expect(cells[1]![1]).not.toMatch(/<w:t[ >]/);
  });

  it('prints no chart text under 8 pt', async () => {
    const png = await chartPng(charts[0]!);
    const doc = docxParts(await renderDocx(model, async () => png))['word/document.xml']!;
    const shown = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => Number(m[1]) / 9525);
    expect(shown).toHaveLength(3);
    const sizes = new Set([...(await chartSvg(charts[0]!)).matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1])));
    expect(sizes.size).toBeGreaterThan(0);
    // font px in the spec × shown width / spec width, at 0.75 pt a pixel.
    for (const w of shown) for (const px of sizes) expect((px * w * 0.75) / CHART_SIZE.width).toBeGreaterThanOrEqual(8);
  });
});
