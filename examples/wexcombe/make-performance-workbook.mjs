#!/usr/bin/env node
// Writes examples/wexcombe/performance.xlsx: the fictional council's monthly performance export,
// as a performance team's system would produce it, untidiness included:
//   - a title row and a blank row above the header (header on row 3)
//   - month headings as real dates shown as "Nov-25"
//   - percentages stored as fractions with a % number format
//   - one empty cell and one "n/a"
//   - a note row at the bottom with no indicator id
// The figures follow fixed formulas (no randomness), so running it again gives the same values.
// Run: node examples/wexcombe/make-performance-workbook.mjs
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('./performance.xlsx', import.meta.url));

// [id, name, unit, first value, last value, wiggle] or [id, name, unit, values]; the series
// runs Oct 2025 to Oct 2026, so October can be compared with the same month a year before.
const INDICATORS = [
  ['CSC01', 'Re-referrals within 12 months', '%', 27.5, 23.1, 0.8],
  ['CSC02', 'Referral decisions within 1 working day', '%', 81.0, 96.2, 1.5],
  ['CSC03', 'Assessments within 45 working days', '%', 71.4, 82.6, 1.2],
  // Rose to the autumn, then fell four months running: an exception the board must see.
  ['CSC04', 'ICPCs within 15 working days', '%', [63.2, 64.0, 66.1, 67.4, 69.0, 70.2, 72.8, 74.5, 75.9, 74.8, 73.6, 72.9, 71.5]],
  ['CSC05', 'Second or subsequent CP plans', '%', 26.8, 24.1, 0.9],
  ['CSC06', 'CP plans lasting 2 years or more', '%', 6.1, 4.6, 0.3],
  ['CSC07', 'CP visits within timescale', '%', 78.0, 91.4, 1.0],
  ['CSC08', 'Children in care per 10,000', 'rate', 88.2, 84.9, 0.6],
  ['CSC09', '3 or more placements in the year', '%', 12.9, 10.4, 0.4],
  ['CSC10', 'Long-term placement stability', '%', 61.0, 66.2, 0.7],
  ['CSC11', 'PEPs up to date', '%', 74.0, 96.1, 1.1],
  ['CSC12', 'Care leavers 19-21 in EET', '%', 44.0, 50.3, 1.3],
  ['CSC13', 'Average caseload per social worker', 'cases', 23.4, 19.6, 0.5],
  ['CSC14', 'Agency social worker rate', '%', 31.0, 19.7, 0.9],
  ['CSC15', 'Return home interviews within 72 hours', '%', 47.0, 58.0, 6.0],
];
const MONTHS = 13;

/** A smooth path from first to last with a fixed wiggle, rounded as the system would. */
function series(first, last, wiggle) {
  return Array.from({ length: MONTHS }, (_, k) => {
    const t = k / (MONTHS - 1);
    const w = k === 0 || k === MONTHS - 1 ? 0 : wiggle * Math.sin(k * 2.1);
    return Math.round((first + (last - first) * t + w) * 10) / 10;
  });
}

const wb = new ExcelJS.Workbook();
wb.creator = 'Wexcombe Performance and Intelligence';
wb.created = new Date(Date.UTC(2026, 10, 3));
wb.modified = new Date(Date.UTC(2026, 10, 3));
const ws = wb.addWorksheet('Scorecard');
ws.getCell('A1').value = "Wexcombe Children's Services - monthly performance export (run 03/11/2026 07:15)";
ws.getCell('A1').font = { bold: true, size: 14 };

const header = ws.getRow(3);
header.getCell(1).value = 'Ref';
header.getCell(2).value = 'Indicator';
header.getCell(3).value = 'Unit';
for (let k = 0; k < MONTHS; k++) {
  const c = header.getCell(4 + k);
  c.value = new Date(Date.UTC(2025, 9 + k, 1));
  c.numFmt = 'mmm-yy';
}
header.font = { bold: true };

INDICATORS.forEach(([id, name, unit, first, last, wiggle], i) => {
  const values = Array.isArray(first) ? first : series(first, last, wiggle);
  const row = ws.getRow(4 + i);
  row.getCell(1).value = id;
  row.getCell(2).value = name;
  row.getCell(3).value = unit;
  values.forEach((v, k) => {
    const c = row.getCell(4 + k);
    if (unit === '%') {
      c.value = Math.round(v * 10) / 1000;
      c.numFmt = '0.0%';
    } else {
      c.value = v;
      c.numFmt = '0.0';
    }
  });
});
// The untidiness every real export has.
ws.getRow(4 + 3).getCell(4 + 3).value = null; // CSC04, January 2026: not yet returned
ws.getRow(4 + 11).getCell(4 + 5).value = 'n/a'; // CSC12, March 2026: cohort not reported
ws.getCell(`B${4 + INDICATORS.length + 1}`).value = 'Source: case management system, snapshot at month end. Provisional figures.';

ws.columns.forEach((col, i) => {
  col.width = i === 1 ? 42 : 10;
});
await wb.xlsx.writeFile(out);
console.log(`wrote ${out}`);
