import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDecimal, csvDialectOf, neutraliseFormula, restoreFormula } from './csv-export';

describe('formula injection guard', () => {
  it('makes every cell a spreadsheet would run as a formula text', () => {
    expect(
      ['=1+1', '+44 20 7946 0000', '-2', '@SUM(A1)', '\tx', '\rx'].map(neutraliseFormula),
    ).toEqual(["'=1+1", "'+44 20 7946 0000", "'-2", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(['Acme', '', "'tis", '1=1', 'a-b'].map(neutraliseFormula)).toEqual([
      'Acme',
      '',
      "'tis",
      '1=1',
      'a-b',
    ]);
  });

  it('restores exactly what it neutralised, for any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(restoreFormula(neutraliseFormula(text))).toBe(text);
      }),
    );
    expect(restoreFormula("'tis")).toBe("'tis");
  });
});

describe('CSV dialects', () => {
  it('gives Excel a byte-order mark, and a semicolon and a decimal comma where it wants them', () => {
    expect(csvDialectOf('plain')).toEqual({ bom: false, delimiter: ',', decimalSeparator: '.' });
    expect(csvDialectOf('excel')).toEqual({ bom: true, delimiter: ',', decimalSeparator: '.' });
    expect(csvDialectOf('excel-semicolon')).toEqual({
      bom: true,
      delimiter: ';',
      decimalSeparator: ',',
    });
    expect(csvDecimal('1234.56', ',')).toBe('1234,56');
    expect(csvDecimal('1500', ',')).toBe('1500');
  });
});
