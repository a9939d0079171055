// Tests of the CSV export: numbers rounded to sensible digits, strings quoted, blanks for missing values.
import { describe, expect, it } from 'vitest';
import { formatCsvNumber, toCsv } from './exportFigure';

describe('formatCsvNumber', () => {
  it('keeps 4 significant digits and drops float noise', () => {
    expect(formatCsvNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatCsvNumber(0.998123456)).toBe('0.9981');
    expect(formatCsvNumber(-108.34567)).toBe('-108.3');
    expect(formatCsvNumber(0.000123456)).toBe('0.0001235');
    expect(formatCsvNumber(123456.78)).toBe('123457');
  });

  it('writes integers as they are, fixed decimals when the column asks, blanks for non-finite', () => {
    expect(formatCsvNumber(72)).toBe('72');
    expect(formatCsvNumber(-0)).toBe('0');
    expect(formatCsvNumber(247.123456, 1)).toBe('247.1');
    expect(formatCsvNumber(-0.00001, 2)).toBe('0');
    expect(formatCsvNumber(Number.NaN)).toBe('');
  });
});

describe('toCsv', () => {
  it('rounds each number cell, per column where asked, and quotes strings that need it', () => {
    const csv = toCsv(
      [
        { angle_deg: 12.3456789, score: 0.99876543, note: 'a, "b"', flag: true, missing: null },
        { angle_deg: 5, score: -1.23456789e-5, note: 'plain', flag: false, missing: null },
      ],
      { angle_deg: 2 },
    );
    expect(csv).toBe(
      'angle_deg,score,note,flag,missing\n12.35,0.9988,"a, ""b""",true,\n5,-0.00001235,plain,false,\n',
    );
  });
});
