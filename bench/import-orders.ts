import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Services } from '../src/commands/services.ts';
import { applyOrders } from '../src/domain/orders/apply-orders.ts';
import type { Order } from '../src/domain/orders/order.ts';

// Imports the bench CSV through the project's importer (src/adapters/ingest/import-file.ts)
// when it exists; before it did, through a minimal reader straight into applyOrders.

const importer = join(dirname(fileURLToPath(import.meta.url)), '../src/adapters/ingest/import-file.ts');

export async function importOrders(path: string, services: Services): Promise<{ via: string; summary: unknown }> {
  if (existsSync(importer)) {
    const mod = (await import(pathToFileURL(importer).href)) as { importFile: (p: string, k: 'orders', s: Services) => Promise<unknown> };
    return { via: 'importFile', summary: await mod.importFile(path, 'orders', services) };
  }
  return { via: 'applyOrders (importer not written yet)', summary: await applyOrders(services.data, services.orders, readOwnCsv(await readFile(path, 'utf8'))) };
}

const minor = (s: string) => Math.round(Number(s) * 100);

function* readOwnCsv(text: string): Generator<Order> {
  let pos = text.indexOf('\n') + 1;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const f = text.slice(pos, end).split(',');
    pos = end + 1;
    if (f.length < 12) continue;
    yield {
      platform: f[0],
      orderId: f[1],
      channel: f[2],
      customer: f[3],
      createdAt: Date.parse(f[4]),
      ...(f[5] ? { paidAt: Date.parse(f[5]) } : {}),
      status: f[6] as Order['status'],
      amount: minor(f[7]),
      refunded: minor(f[8]),
      ...(f[9] ? { couponCode: f[9] } : {}),
      ...(f[10] ? { phone: f[10] } : {}),
      lines: f[11].split('|').map((it) => {
        const [sku, qty, amount] = it.split(':');
        return { sku, qty: Number(qty), amount: minor(amount) };
      }),
    };
  }
}
