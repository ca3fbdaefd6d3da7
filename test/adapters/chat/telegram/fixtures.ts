import { readFileSync } from 'node:fs';
import type { Update } from 'grammy/types';

/** A recorded update from test/fixtures/telegram, with a fresh update_id when asked (so it is not a redelivery). */
export function fixture(name: string, updateId?: number): Update {
  const u = JSON.parse(readFileSync(new URL(`../../../fixtures/telegram/${name}.json`, import.meta.url), 'utf8')) as Update;
  return updateId === undefined ? u : { ...u, update_id: updateId };
}
