import { LowdbDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import { nodeFileOps, type FileOps } from '../../../src/adapters/store/json-file.ts';
import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import { OrderRepository } from '../../../src/adapters/store/orders/order-repository.ts';
import type { DocStore } from '../../../src/domain/ports.ts';
import type { Order } from '../../../src/domain/orders/order.ts';
import type { StoreData } from '../../../src/domain/store-data.ts';
import { newData, order } from '../../domain/orders/helpers.ts';

// A year of orders, and an import that touches every month of it (new orders, and old
// ones re-imported with refunds or moved to another month), for the interrupted-import tests.

const pad = (n: number) => String(n).padStart(2, '0');
const paidIn = (month: number, i: number) => `2026-${pad(month)}-${pad(1 + (i % 27))}T${pad(8 + (i % 12))}:15:00+08:00`;

export function yearOfOrders(): Order[] {
  const out: Order[] = [];
  for (let i = 0; i < 1200; i++) out.push(order(`b${i}`, { paid: paidIn(1 + (i % 12), i), amount: 1000 + ((i * 7919) % 90000), customer: `c${i % 150}`, channel: i % 3 ? 'tmall' : 'jd' }));
  return out;
}

export function importTouchingEveryMonth(): Order[] {
  const out: Order[] = [];
  for (let i = 0; i < 900; i++) out.push(order(`n${i}`, { paid: paidIn(1 + (i % 12), i + 5), amount: 1234 + ((i * 104729) % 50000), customer: `new${i % 200}`, phone: `1380000${String(i % 200).padStart(4, '0')}` }));
  // Old orders re-imported: every third gets a refund, every fifth moves to another month.
  for (let i = 0; i < 1200; i += 7) out.push(order(`b${i}`, { paid: paidIn(1 + ((i + (i % 5 === 0 ? 6 : 0)) % 12), i), amount: 1000 + ((i * 7919) % 90000), customer: `c${i % 150}`, refunded: i % 3 === 0 ? 500 : 0 }));
  return out;
}

/** GMV over the year in minor units: what the next start must show exactly, before or after. */
export const yearGmv = (data: StoreData) => data.rollups.gmv.reduce((a, b) => a + b, 0);
export const yearRefunds = (data: StoreData) => data.rollups.refund.reduce((a, b) => a + b, 0);

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

/**
 * File calls that count themselves. `fails(n, call)` is asked before the n-th (1-based): when it
 * says so, the call fails as on a full disk (a write takes half its bytes first, as a real one
 * often does). It may also never return (the kill test ends the process there).
 */
export function countingOps(fails: (n: number, call: string) => boolean = () => false): FileOps & { count: number; tick(call: string): boolean } {
  const ops = {
    count: 0,
    tick(call: string) {
      ops.count++;
      return fails(ops.count, call);
    },
    openSync: (p: string, f: string) => {
      if (ops.tick('open')) throw enospc();
      return nodeFileOps.openSync(p, f);
    },
    writeSync: (fd: number, b: Buffer, o: number, l: number) => {
      if (ops.tick('write')) {
        nodeFileOps.writeSync(fd, b, o, Math.floor(l / 2));
        throw enospc();
      }
      return nodeFileOps.writeSync(fd, b, o, l);
    },
    fsyncSync: (fd: number) => {
      if (ops.tick('fsync')) throw enospc();
      nodeFileOps.fsyncSync(fd);
    },
    closeSync: (fd: number) => {
      if (ops.tick('close')) {
        nodeFileOps.closeSync(fd); // close reports a delayed write error, but the descriptor is gone either way
        throw enospc();
      }
      nodeFileOps.closeSync(fd);
    },
    renameSync: (a: string, b: string) => {
      if (ops.tick('rename')) throw enospc();
      nodeFileOps.renameSync(a, b);
    },
    unlinkSync: (p: string) => nodeFileOps.unlinkSync(p),
  };
  return ops;
}

/** Counts removals of documents too (removing superseded files after a commit), with the same counter. */
export const countingRemoves = (ops: { tick(call: string): boolean }) => (d: DocStore): DocStore => ({
  open: (n, def) => d.open(n, def),
  list: (p) => d.list(p),
  remove: (n) => (ops.tick('remove'), d.remove(n)),
  sweep: () => d.sweep!(),
  setAside: (n, p) => d.setAside!(n, p),
});

export async function openStore(dir: string, ops: FileOps = nodeFileOps, wrap: (d: DocStore) => DocStore = (d) => d) {
  const data = newData();
  const repo = new OrderRepository(wrap(new LowdbDocStore(dir, { ops })), data);
  await repo.load();
  return { data, repo };
}

export async function importInto(dir: string, ops?: FileOps, wrap?: (d: DocStore) => DocStore): Promise<void> {
  const s = await openStore(dir, ops, wrap);
  await applyOrders(s.data, s.repo, importTouchingEveryMonth());
}
