/**
 * Unit tests: the CSV every export writes — RFC 4180 quoting, CRLF records, and cells a spreadsheet would
 * run as formulas defused (text only, so our own negative numbers stay numbers).
 */
import { describe, expect, it } from 'vitest';
import { csvField, toCsv, type CsvCell } from './index.js';

describe('csvField', () => {
  const cases: readonly (readonly [string, CsvCell, string])[] = [
    ['leaves plain text alone', 'H0038', 'H0038'],
    ['writes nothing for null', null, ''],
    ['writes an empty string as an empty field', '', ''],
    ['writes a number as it is', 42, '42'],
    ['keeps a negative number a number (not defused)', -3, '-3'],
    ['quotes a comma', 'Smith, Sam', '"Smith, Sam"'],
    ['quotes and doubles an inner quote', 'the "peer"', '"the ""peer"""'],
    ['quotes a line feed', 'one\ntwo', '"one\ntwo"'],
    ['quotes a carriage return', 'one\rtwo', '"one\rtwo"'],
    ['quotes a CRLF', 'one\r\ntwo', '"one\r\ntwo"'],
    ['does not quote a space or a semicolon', 'a b; c', 'a b; c'],
    ['defuses a leading =', '=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['defuses a leading +', '+1', "'+1"],
    ['defuses a leading - in text', '-1.00', "'-1.00"],
    ['defuses a leading @', '@cmd', "'@cmd"],
    ['defuses a leading tab', '\tx', "'\tx"],
    ['defuses a leading carriage return, then quotes it', '\rx', '"\'\rx"'],
    ['defuses and quotes a formula holding a comma', '=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    ['leaves a formula character after the start alone', 'a=b', 'a=b'],
  ];

  it.each(cases)('%s', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes the header then each row, every record ended by CRLF', () => {
    expect(
      toCsv(
        ['id', 'member', 'amount'],
        [
          ['n1', 'Smith, Sam', 12],
          ['n2', null, '=1+1'],
        ],
      ),
    ).toBe('id,member,amount\r\nn1,"Smith, Sam",12\r\nn2,,\'=1+1\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });

  it('quotes a header that needs it', () => {
    expect(toCsv(['a,b'], [])).toBe('"a,b"\r\n');
  });
});
