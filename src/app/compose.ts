import { pino } from 'pino';
import { LowdbDocStore, MemoryDocStore } from '../adapters/store/lowdb-doc-store.ts';
import { features as allFeatures } from '../features/index.ts';
import { buildRegistry, type Feature } from '../bot/feature.ts';
import { parsePlaybook } from '../domain/playbook/playbook.ts';
import { withBooks } from './open-books.ts';
import { noticeSourcesOf } from '../bot/feature.ts';
import type { NoticeSource } from '../bot/notices.ts';
import type { ChatAdapter } from '../chat/chat-adapter.ts';
import type { ChartDelivery } from '../chat/chart-delivery.ts';
import { buildChatAdapters, chartDelivery } from '../platforms/index.ts';
import { Bot } from '../bot/router.ts';
import type { Services } from '../bot/services.ts';
import type { Config } from '../config.ts';
import { Calendar } from '../domain/calendar.ts';
import type { Logger } from '../domain/log.ts';
import { OrderRepository } from '../adapters/store/orders/order-repository.ts';
import { fixedClock, systemClock, type Clock, type DocStore } from '../domain/ports.ts';
import { StoreData } from '../domain/store-data.ts';
import { join } from 'node:path';
import { loadTemplates } from '../adapters/store/template-files.ts';
import { lockDataDir } from '../adapters/store/data-dir-lock.ts';
import { releaseMemory } from '../adapters/store/release-memory.ts';
import { readPlaybookFile } from '../adapters/store/playbook-file.ts';
import { JournalOutboxStore } from '../outbound/journal-outbox-store.ts';
import { NoticeOutbox } from '../outbound/notice-outbox.ts';
import { RoleBook } from '../domain/access/role-book.ts';
import { StoreAuditLog } from '../domain/access/store-audit-log.ts';
import type { OutboxStore } from '../outbound/outbox-store.ts';
import { reportDataState, reportOutboxState } from '../adapters/store/data-state-report.ts';

/** Everything a process needs, built once by openApp: the CLI subcommands, the benches and the tests all start here. */
export interface App {
  config: Config;
  services: Services;
  bot: Bot;
  /** Every feature that makes the bot speak first: what the tick and the engine collect from. */
  noticeSources: NoticeSource[];
  /** The platforms configured (a token or puppet set), built on first call and kept: the SDKs load only then. */
  platforms(): Promise<ChatAdapter[]>;
  /** Draws charts for every platform, axes in the store's time zone. */
  charts: ChartDelivery;
}

export interface AppOptions {
  docs?: DocStore;
  clock?: Clock;
  log?: Logger;
  /** Keep everything in memory (tests). */
  memory?: boolean;
  /** The outbox's store; by default a journal under DATA_DIR/outbox (in memory when `memory` or `docs` is given). */
  outboxStore?: OutboxStore;
  /** The features (src/features/index.ts by default; tests add their own). */
  features?: Feature[];
}

/** `to`: true for stderr, or a destination (the terminal chat's log file); stdout otherwise. */
export function makeLogger(config: Config, to: boolean | { write(line: string): void } = false): Logger {
  return pino({ level: config.LOG_LEVEL, base: undefined }, to === true ? pino.destination(2) : to || undefined);
}

/**
 * The composition root: wires the domain to its adapters, the one place that knows both.
 * Built once per process — config, clock, doc store, playbook, books, outbox, registry, platforms.
 */
export async function openApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const log = opts.log ?? makeLogger(config);
  const clock = opts.clock ?? (config.BOT_NOW ? fixedClock(config.BOT_NOW) : systemClock);
  const calendar = new Calendar(config.STORE_TIMEZONE);
  // On disk, one process owns DATA_DIR (see data-dir-lock.ts): a second one is refused, not raced.
  if (!opts.docs && !opts.memory) lockDataDir(config.DATA_DIR);
  const docs: DocStore = opts.docs ?? (opts.memory ? new MemoryDocStore() : new LowdbDocStore(config.DATA_DIR));
  const data = new StoreData(calendar);
  const orders = new OrderRepository(docs, data);
  await orders.load(opts.memory || opts.docs ? {} : { afterMonth: releaseMemory });
  reportDataState(log, orders, (await docs.check?.()) ?? []);
  const roles = await RoleBook.open(docs, config.BOT_ADMINS);
  const outboxStore = opts.outboxStore ?? (opts.memory || opts.docs ? JournalOutboxStore.memory() : JournalOutboxStore.open(join(config.DATA_DIR, 'outbox'), { fsync: config.OUTBOX_FSYNC }));
  reportOutboxState(log, outboxStore);
  const audit = await StoreAuditLog.open(docs, clock);
  const features = opts.features ?? allFeatures;
  const services: Services = withBooks({
    store: { name: config.STORE_NAME, timeZone: config.STORE_TIMEZONE, currency: config.STORE_CURRENCY, lang: config.BOT_LANG },
    clock,
    calendar,
    data,
    orders,
    docs,
    roles,
    log,
    outbox: new NoticeOutbox(outboxStore, clock),
    outboxStore,
    audit,
    access: roles,
    templates: loadTemplates(config.TEMPLATES_DIR),
    playbook: parsePlaybook(readPlaybookFile(config.PLAYBOOK_FILE)),
  }, features);
  const registry = buildRegistry(features);
  let platforms: Promise<ChatAdapter[]> | undefined;
  const charts = chartDelivery(config, log);
  return {
    config,
    services,
    bot: new Bot(services, registry, log),
    noticeSources: noticeSourcesOf(features),
    platforms: () => (platforms ??= buildChatAdapters(config, log, { docs, clock, charts })),
    charts,
  };
}
