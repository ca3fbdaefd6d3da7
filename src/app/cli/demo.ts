import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, type App } from '../compose.ts';
import { loadConfig } from '../../config.ts';
import { applyOrders, applySeries } from '../../domain/orders/apply-orders.ts';
import { silentLogger } from '../../domain/log.ts';
import type { Flags } from './flags.ts';
import { generateDemoStore } from '../../adapters/demo/demo-store.ts';
import { demoMemberLinks } from '../../adapters/demo/demo-members.ts';
import type { MemberLink } from '../../domain/members/member-links.ts';
import { lockDataDir } from '../../adapters/store/data-dir-lock.ts';

/**
 * Builds the demo store into the app's DATA_DIR when it holds no store figures yet (and
 * DEMO_STORE is auto), through the app itself, so the command that asked goes on with it.
 */
export async function ensureDemoStore(app: App): Promise<boolean> {
  if (app.config.DEMO_STORE === 'off') return false;
  const { docs } = app.services;
  // Empty means no store figures yet; templates and other documents may already be there.
  const figures = [...(await docs.list('orders/')), ...(await docs.list('traffic')), ...(await docs.list('spend'))];
  if (figures.length > 0) return false;
  await buildDemo(app);
  return true;
}

async function buildDemo(app: App): Promise<void> {
  const { calendar, clock, data, orders } = app.services;
  const store = generateDemoStore({ now: clock.now().getTime(), startOfDay: (d) => calendar.startOf(d), dayOf: (ms) => calendar.dayOf(ms) });
  await applyOrders(data, orders, store.orders);
  await applySeries(data, orders, 'traffic', store.traffic);
  await applySeries(data, orders, 'spend', store.spend);
  const links = await app.services.docs.open<{ links: Record<string, MemberLink> }>('members/links', { links: {} });
  links.data.links = demoMemberLinks(store.orders, clock.now().getTime());
  await links.write();
  process.stderr.write(`demo store ready: ${store.orders.length.toLocaleString('en-US')} orders over 150 days in ${app.config.DATA_DIR}\n`);
}

/** `npm run demo:reset`: wipe DATA_DIR and build the demo store again. */
export async function demoCommand(args: string[], _flags: Flags): Promise<number> {
  if (args[0] !== 'reset') {
    console.error('usage: store-ops-bot demo reset');
    return 2;
  }
  const config = loadConfig();
  // Everything the bot wrote goes; the editable templates (data/templates) stay.
  lockDataDir(config.DATA_DIR, 'demo reset');
  const entries = await readdir(config.DATA_DIR).catch(() => [] as string[]);
  for (const name of entries.filter((n) => n !== 'templates' && n !== 'bot.lock')) await rm(join(config.DATA_DIR, name), { recursive: true, force: true });
  await buildDemo(await openApp(config, { log: silentLogger }));
  return 0;
}
