import { applyOrders } from '../../../src/domain/orders/apply-orders.ts';
import { countingOps, countingRemoves, importTouchingEveryMonth, openStore } from './import-fixture.ts';

// The child of the kill test: opens the store in DATA_DIR, prints `started`, and imports a batch
// touching every month; with KILL_AT=n it SIGKILLs itself just before the n-th file call of the
// import (writes, flushes, renames, removals), so no clean-up code of its own runs.
const killAt = Number(process.env.KILL_AT ?? 0);
let base = Infinity;
const ops = countingOps((n) => {
  if (n === base + killAt) process.kill(process.pid, 'SIGKILL');
  return false;
});
const s = await openStore(process.env.DATA_DIR!, ops, countingRemoves(ops));
base = ops.count;
process.stdout.write('started\n');
await applyOrders(s.data, s.repo, importTouchingEveryMonth());
process.stdout.write(`done ${ops.count - base}\n`);
