import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, type App } from '../../../src/app/compose.ts';
import { loadConfig } from '../../../src/config.ts';
import { parseDay } from '../../../src/domain/calendar.ts';
import { silentLogger } from '../../../src/domain/log.ts';
import { measure } from '../../../src/domain/metrics/measure.ts';
import type { Metric } from '../../../src/domain/metrics/metric.ts';
import type { Period } from '../../../src/domain/periods.ts';

// Shared by the import tests: a fresh in-memory store, small files in the OS temp
// folder, and an independent way to compute the figures from raw rows.

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export async function freshApp(env: Record<string, string> = {}): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
  return openApp(loadConfig({ ...process.env, DATA_DIR: dir, DEMO_STORE: 'off', BOT_NOW: '2026-11-27T10:00:00+08:00', STORE_TIMEZONE: 'Asia/Shanghai', STORE_CURRENCY: 'CNY', LOG_LEVEL: 'silent', ...env }), { memory: true, log: silentLogger });
}

export function tmpFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-file-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A whole-day period between two store dates (both in the past, so no cutoff). */
export function days(from: string, to = from): Period {
  return { kind: 'range', from: parseDay(from)!, to: parseDay(to)! };
}

export const figure = (app: App, metric: Metric, period: Period) => measure(app.services.data, metric, period).value;

/** CSV field quoting as spreadsheet programs write it. */
export const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const csvLine = (fields: string[]) => fields.map(csvField).join(',');

/** "123.45" → 12345 without the importer's code: decimal text to integer cents. */
export const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.\-]/g, '') || '0') * 100);

/** Store-local (UTC+8, Asia/Shanghai has no DST) date of an instant given as ms. */
export const shanghaiDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

export interface Paid {
  customer: string;
  date: string; // store-local YYYY-MM-DD of payment
  amount: number; // cents
  refunded: number; // cents
}

/** The expected figures of a period, by a plain reduce over the counted orders. */
export function expected(orders: Paid[], from: string, to = from) {
  const inside = orders.filter((o) => o.date >= from && o.date <= to);
  const perBuyer = inside.reduce((m, o) => m.set(o.customer, (m.get(o.customer) ?? 0) + 1), new Map<string, number>());
  const buyers = perBuyer.size;
  const repeat = [...perBuyer.values()].filter((n) => n >= 2).length;
  const gmv = inside.reduce((a, o) => a + o.amount, 0);
  const refund = inside.reduce((a, o) => a + o.refunded, 0);
  return {
    gmv,
    net_gmv: gmv - refund,
    orders: inside.length,
    buyers,
    repurchase: buyers ? repeat / buyers : null,
    refund_rate: gmv ? refund / gmv : null,
  };
}

/** What the bot computes for the same period, metric by metric. */
export function computed(app: App, from: string, to = from) {
  const p = days(from, to);
  return {
    gmv: figure(app, 'gmv', p),
    net_gmv: figure(app, 'net_gmv', p),
    orders: figure(app, 'orders', p),
    buyers: figure(app, 'buyers', p),
    repurchase: figure(app, 'repurchase', p),
    refund_rate: figure(app, 'refund_rate', p),
  };
}
