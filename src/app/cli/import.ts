import { resolve } from 'node:path';
import { makeLogger, openApp } from '../compose.ts';
import { loadConfig } from '../../config.ts';
import type { Flags } from './flags.ts';
import { existsSync } from 'node:fs';
import { ImportError, importFile, type ImportSummary } from '../../adapters/ingest/import-file.ts';
import { awaitInboxResult, dropIntoInbox } from '../../adapters/ingest/inbox.ts';
import { asUserFile, headerOnly, headerOnlyLine } from '../../adapters/ingest/import-words.ts';
import { plural } from '../../features/shared/counts.ts';
import { DataDirLocked } from '../../adapters/store/data-dir-lock.ts';
import { importStock, type StockImportSummary } from '../../adapters/ingest/stock-file.ts';

const KINDS = ['orders', 'traffic', 'spend', 'stock'] as const;
const USAGE = 'usage: store-ops-bot import orders|traffic|spend FILE [--json]\n       store-ops-bot import stock FILE [--json]   (sku,on_hand[,safety,warning,warehouse,inventory_item_id])';
const FORMAT_NAMES: Record<ImportSummary['format'], string> = {
  shopify: 'Shopify orders export',
  tmall: 'Tmall/Taobao order report',
  'own-csv': 'own order schema (CSV)',
  'own-jsonl': 'own order schema (JSONL)',
  traffic: 'visitors per day and channel',
  spend: 'ad spend per day and channel',
};
const SHOWN = 20;

/** `store-ops-bot import orders|traffic|spend FILE`: imports one file into DATA_DIR and prints what happened. */
export async function importCommand(args: string[], flags: Flags): Promise<number> {
  const [kind, file, ...extra] = args;
  if (!KINDS.includes(kind as never) || !file || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  let s: ImportSummary | StockImportSummary;
  try {
    // Operators read the summary; pino's JSON lines only for warnings unless asked for debug.
    const app = await openApp(config, { log: makeLogger({ ...config, LOG_LEVEL: config.LOG_LEVEL === 'debug' ? 'debug' : 'warn' }, true) });
    s = kind === 'stock' ? await importStock(resolve(file), app.services, await app.services.books.stock()) : await importFile(resolve(file), kind as Exclude<(typeof KINDS)[number], 'stock'>, app.services, { progress: true });
  } catch (err) {
    if (err instanceof DataDirLocked) return importThroughRunningBot(config.DATA_DIR, kind as (typeof KINDS)[number], resolve(file), err.pid, !!flags.json);
    if (!(err instanceof ImportError)) throw err;
    console.error(err.message);
    return 1;
  }
  if (headerOnly(s)) {
    console.error(headerOnlyLine(file, kind));
    return 1;
  }
  if (flags.json) console.log(JSON.stringify(s, null, 2));
  else console.log(describe(s));
  // Nothing usable at all is a failure; some bad rows next to good ones are reported, not fatal.
  return s.added + s.replaced === 0 && s.bad > 0 ? 1 : 0;
}

/** The bot is running on DATA_DIR: hand it the file through the inbox and print its result. */
async function importThroughRunningBot(dataDir: string, kind: (typeof KINDS)[number], file: string, pid: number, json: boolean): Promise<number> {
  if (!existsSync(file)) {
    console.error(`cannot import ${file}: no such file; nothing was imported`);
    return 1;
  }
  const name = await dropIntoInbox(dataDir, kind, file);
  console.error(`the bot is running on ${dataDir} (pid ${pid}): handed ${file} to it …`);
  const result = await awaitInboxResult(dataDir, name, 15 * 60_000);
  if (!result) {
    console.error(`the running bot has not imported it yet; it stays queued in ${dataDir}/inbox/${kind}/${name}`);
    return 1;
  }
  // The bot read its inbox copy; the person knows their own file, so messages name that.
  if (!result.ok) {
    console.error(asUserFile(result.error, dataDir, kind, name, file));
    return 1;
  }
  result.summary.file = file;
  if (headerOnly(result.summary)) {
    console.error(headerOnlyLine(file, kind));
    return 1;
  }
  if (json) console.log(JSON.stringify(result.summary, null, 2));
  else console.log(describe(result.summary));
  return result.summary.added + result.summary.replaced === 0 && result.summary.bad > 0 ? 1 : 0;
}

export function describe(s: ImportSummary | StockImportSummary): string {
  const n = (x: number) => x.toLocaleString('en');
  if (s.kind === 'stock') return describeStock(s, n);
  const what = s.kind === 'orders' ? 'order' : 'day-and-channel value';
  const lines = [
    `${s.file}: ${FORMAT_NAMES[s.format]}, ${s.encoding.toUpperCase()}`,
    `  ${plural(s.added + s.replaced, what)} imported (${n(s.added)} new, ${n(s.replaced)} replaced), ${plural(s.bad, 'bad row')}, ${(s.ms / 1000).toFixed(1)} s`,
  ];
  for (const p of s.problems.slice(0, SHOWN)) lines.push(`  line ${p.line}: ${p.reason}`);
  if (s.bad > SHOWN) lines.push(`  … and ${n(s.bad - SHOWN)} more bad rows (--json lists the first ${s.problems.length})`);
  return lines.join('\n');
}

function describeStock(s: StockImportSummary, n: (x: number) => string): string {
  const lines = [`${s.file}: stock (sku, on hand)`, `  ${n(s.added + s.replaced)} SKUs imported (${n(s.added)} new, ${n(s.replaced)} replaced), ${n(s.bad)} bad ${s.bad === 1 ? 'row' : 'rows'}`];
  for (const a of s.alerts) lines.push(`  ⚠️ ${a.sku} is now ${a.level === 'out' ? 'out of stock' : `below its ${a.level} stock`} (${a.onHand} on hand)`);
  for (const p of s.problems.slice(0, SHOWN)) lines.push(`  line ${p.line}: ${p.reason}`);
  if (s.bad > SHOWN) lines.push(`  … and ${n(s.bad - SHOWN)} more bad rows (--json lists the first ${s.problems.length})`);
  return lines.join('\n');
}
