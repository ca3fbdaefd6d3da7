import { z } from 'zod';
import { parseDay } from '../../domain/calendar.ts';
import { parseMoney } from '../../domain/money.ts';
import type { SeriesRow } from '../../domain/orders/apply-orders.ts';
import { channelNormalizer } from './channel-names.ts';
import type { CsvRow } from './csv-rows.ts';
import type { Columns } from './detect-format.ts';
import type { BadRows } from './import-error.ts';
import { zodReason } from './own-orders.ts';

// Daily visitors (UV) or ad spend per channel: `date,channel,visitors` / `date,channel,amount`,
// date = store-local YYYY-MM-DD, channel as an id (douyin) or as the team says it (抖音).

const rowSchema = z.tuple([
  z.string().regex(/^\d{4}-\d{1,2}-\d{1,2}$/, 'date must be YYYY-MM-DD like 2026-10-01'),
  z.string().min(1, 'channel is empty').max(40),
  z.string().min(1, 'value is empty'),
]);

export function* seriesRows(rows: Iterable<CsvRow>, cols: Columns, which: 'traffic' | 'spend', bad: BadRows, currency: string): Generator<SeriesRow> {
  const idx = [cols.get('date')!, cols.get('channel')!, cols.get(which === 'traffic' ? 'visitors' : 'amount')!];
  const names = ['date', 'channel', which === 'traffic' ? 'visitors' : 'amount'];
  const channelOf = channelNormalizer();
  for (const row of rows) {
    if (row.error) {
      bad.add(row.line, row.error);
      continue;
    }
    const checked = rowSchema.safeParse(idx.map((i) => (row.fields[i] ?? '').trim()));
    if (!checked.success) {
      bad.add(row.line, zodReason(checked.error, names));
      continue;
    }
    const [date, channel, text] = checked.data;
    const day = parseDay(date);
    if (day === undefined) {
      bad.add(row.line, `date "${date}" is not a real date`);
      continue;
    }
    const value = which === 'traffic' ? (/^\d+$/.test(text.replace(/,/g, '')) ? Number(text.replace(/,/g, '')) : undefined) : parseMoney(text, currency);
    if (value === undefined || value < 0) {
      bad.add(row.line, which === 'traffic' ? `visitors "${text}" is not a whole number like 1200` : `amount "${text}" is not an amount like 350.00`);
      continue;
    }
    yield { day, channel: channelOf(channel), value };
  }
}
