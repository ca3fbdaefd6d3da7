import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvRows, jsonLines } from '../../../src/adapters/ingest/csv-rows.ts';
import { isoTime, moneyFast } from '../../../src/adapters/ingest/fast-parse.ts';
import { readText, type TextSource } from '../../../src/adapters/ingest/read-text.ts';
import { parseMoney } from '../../../src/domain/money.ts';
import { tmpFile } from './ingest-helpers.ts';

// The reading layer: pieces cut anywhere must give the same records and line
// numbers as one whole parse, and the fast parsers must agree with the general ones.

/** A source that hands the text out in tiny pieces, to hit every cut position. */
const pieces = (text: string, size: number): TextSource => ({
  encoding: 'utf-8',
  bytes: text.length,
  *pieces() {
    for (let i = 0; i < text.length; i += size) yield { text: text.slice(i, i + size), done: Math.min(text.length, i + size) };
  },
});

// Rows are reused objects: copy each one while iterating.
const collect = (src: TextSource) => Array.from(csvRows(src), (r) => ({ line: r.line, fields: [...r.fields] }));

describe('csvRows', () => {
  const text = 'a,b,c\n1,"two\nlines, and ""quotes""",3\n\n4,5,6\r\n"7","8\n\n9",10\n11,12,13';
  const want = [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['1', 'two\nlines, and "quotes"', '3'] },
    { line: 5, fields: ['4', '5', '6\r'] },
    { line: 6, fields: ['7', '8\n\n9', '10'] },
    { line: 9, fields: ['11', '12', '13'] },
  ];
  it('keeps quoted newlines whole and numbers lines, whatever the piece size', () => {
    for (const size of [1, 2, 3, 5, 8, 13, 1000]) expect(collect(pieces(text, size)), `piece size ${size}`).toEqual(want);
  });

  it('splits quote-free pieces itself exactly as papaparse does (fields, empty lines, CRLF, line numbers)', () => {
    const plain = ['a,b,,c\n\n1,2,3,4\n,,,\n5,6,7,8', 'a,b\r\n\r\n1,2\r\n3,4\r\n', 'x\n\n\ny,z\n'];
    for (const t of plain) {
      const whole = Papa.parse<string[]>(t, { delimiter: ',', newline: t.includes('\r\n') ? '\r\n' : '\n' }).data;
      const want = whole.map((fields, i) => ({ line: i + 1, fields })).filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
      for (const size of [1, 2, 3, 7, 1000]) expect(collect(pieces(t, size)), `${JSON.stringify(t)} in pieces of ${size}`).toEqual(want);
    }
  });

  it('numbers JSONL lines across pieces', () => {
    const lines = Array.from(jsonLines(pieces('{"a":1}\n\n{"b":2}\n{"c":3}', 3)), (l) => [l.line, l.text]);
    expect(lines).toEqual([[1, '{"a":1}'], [3, '{"b":2}'], [4, '{"c":3}']]);
  });
});

describe('readText', () => {
  const text = '订单编号,买家会员名\n2001,小王\n';
  it('decodes UTF-8 (BOM dropped) and GBK without splitting a character across pieces', async () => {
    const utf8 = await readText(tmpFile('u.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    const gbk = await readText(tmpFile('g.csv', iconv.encode(text, 'gbk')));
    expect(utf8.encoding).toBe('utf-8');
    expect(gbk.encoding).toBe('gbk');
    for (const size of [1, 2, 4, 7]) {
      expect([...utf8.pieces(size)].map((p) => p.text).join('')).toBe(text);
      expect([...gbk.pieces(size)].map((p) => p.text).join('')).toBe(text);
    }
  });
});

describe('readText on files larger than its check chunk', () => {
  it('finds GBK bytes anywhere, also right at a chunk edge, and decodes UTF-8 unchanged', async () => {
    const ascii = 'id,name\n'.padEnd((1 << 20) - 1, 'x');
    const utf8Text = `${ascii}订单\n${'y'.repeat(5000)}小王\n`;
    const utf8 = await readText(tmpFile('big-u.csv', Buffer.from(utf8Text)));
    expect(utf8.encoding).toBe('utf-8');
    expect(utf8.bytes).toBe(Buffer.byteLength(utf8Text));
    expect([...utf8.pieces(4096)].map((p) => p.text).join('')).toBe(utf8Text);
    for (const at of [(1 << 20) - 2, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, (3 << 20) / 2]) {
      const bytes = Buffer.concat([Buffer.from('a'.repeat(at)), iconv.encode('小王', 'gbk'), Buffer.from('\nend\n')]);
      const src = await readText(tmpFile(`big-g-${at}.csv`, bytes));
      expect(src.encoding, `GBK bytes at ${at}`).toBe('gbk');
      expect([...src.pieces()].map((p) => p.text).join('').slice(at)).toBe('小王\nend\n');
    }
  });
});

describe('fast parsers agree with the general ones', () => {
  it('isoTime = Date.parse for offsets, Z, odd dates and junk', () => {
    const cases = ['2026-10-01T09:15:00+08:00', '2026-10-01T00:00:00-05:30', '2024-02-29T23:59:59+14:00', '1997-01-01T12:00:00+08:00', '2026-10-01T16:30:00Z', '2026-10-01T09:15:00.250+08:00', '2026-10-01 09:15:00+0800'];
    for (const c of cases) expect(isoTime(c), c).toBe(Date.parse(c.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2')));
    for (const bad of ['2026-02-30T09:15:00+08:00', '2026-13-01T09:15:00+08:00', '2026-10-01T24:00:00+08:00', '2026-10-01T09:15:00', '2026-10-01', 'yesterday', '2026-1x-01T09:15:00+08:00', '']) expect(isoTime(bad), bad).toBeUndefined();
  });

  it('moneyFast = parseMoney on many amounts', () => {
    const cases = ['0.00', '0.01', '199.00', '1234567.89', '99.9', '1,234.50', '¥88', '-3.50', '12', '1.005', 'abc', '12.3.4', '', '.50', '9999999999.99'];
    for (let i = 0; i < 2000; i++) cases.push(`${Math.floor(i * 7.37)}.${String(i % 100).padStart(2, '0')}`);
    for (const c of cases) expect(moneyFast(c, 'CNY', 2), c).toBe(parseMoney(c, 'CNY'));
  });
});
