import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// One process per DATA_DIR. The outbox journal has a single writer and lowdb documents
// are cached in memory, so a second process (a `tick` from cron beside `npm start`, an
// import while the bot runs) could send a message twice or overwrite the other's changes.
// The lock is a pid file: a crashed holder (its pid gone) never blocks a restart.

export class DataDirLocked extends Error {
  constructor(readonly dir: string, readonly pid: number, readonly holder: string) {
    super(`${dir} is in use by another store-ops-bot (pid ${pid}: ${holder}); stop it first, or run this against another DATA_DIR`);
  }
}

const held = new Set<string>();

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes DATA_DIR for this process (again, harmlessly, if it already holds it). */
export function lockDataDir(dir: string, what = process.argv.slice(2).join(' ') || 'start'): void {
  const path = join(dir, 'bot.lock');
  if (held.has(path)) return;
  mkdirSync(dir, { recursive: true });
  const mine = join(dir, `.bot.lock.${process.pid}`);
  writeFileSync(mine, JSON.stringify({ pid: process.pid, what, since: new Date().toISOString() }));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, path); // atomic: fails if someone holds it
        held.add(path);
        process.once('exit', () => {
          try {
            unlinkSync(path);
          } catch {
            /* already gone */
          }
        });
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        let holder: { pid: number; what: string } | undefined;
        try {
          holder = JSON.parse(readFileSync(path, 'utf8'));
        } catch {
          holder = undefined; // half-written by a crash: stale
        }
        if (holder && holder.pid !== process.pid && alive(holder.pid)) throw new DataDirLocked(dir, holder.pid, holder.what);
        try {
          unlinkSync(path); // stale: its process is gone
        } catch {
          /* someone else removed it first */
        }
      }
    }
    throw new Error(`could not lock ${dir}`);
  } finally {
    unlinkSync(mine);
  }
}
