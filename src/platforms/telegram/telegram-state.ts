import { randomBytes } from 'node:crypto';
import type { Action } from '../../chat/incoming.ts';
import type { Lang } from '../../chat/lang.ts';
import type { SeenBefore } from '../../chat/seen-before.ts';
import { DocSeenBefore } from '../../adapters/store/doc-seen-before.ts';
import type { Doc, DocStore } from '../../domain/ports.ts';

// What the adapter must remember across restarts: the updates it already handled
// (Telegram redelivers after a timeout or a crash before the offset moved on), through the
// seen-before port every adapter shares, and the actions behind buttons whose `id value`
// does not fit Telegram's 64-byte callback_data.

const ACTION_TTL_MS = 14 * 24 * 3600 * 1000;
const CALLBACK_LIMIT = 64;

interface StoredAction {
  id: string;
  value: string;
  lang: Lang;
  expires: number;
}

interface State {
  actions: Record<string, StoredAction>;
}

export interface PressedAction {
  action: Action;
  lang: Lang;
}

export class TelegramState {
  private doc?: Promise<Doc<State>>;
  private readonly seen: SeenBefore;
  constructor(
    private readonly docs: DocStore,
    private readonly now: () => number = Date.now,
    seen?: SeenBefore,
  ) {
    this.seen = seen ?? new DocSeenBefore(docs, 'telegram/seen', { clock: { now: () => new Date(now()) } });
  }

  private open(): Promise<Doc<State>> {
    this.doc ??= this.docs.open<State>('telegram/state', { actions: {} });
    return this.doc;
  }

  /** True the first time an update arrives (also across a restart, and when two copies race). */
  async firstUpdate(updateId: number): Promise<boolean> {
    return !(await this.seen.seen(`update:${updateId}`));
  }

  async firstCallback(queryId: string): Promise<boolean> {
    return !(await this.seen.seen(`callback:${queryId}`));
  }

  /** callback_data for a button: `lang|id value` when it fits in 64 bytes, else `#ref` to a stored action. */
  async callbackData(action: Action, lang: Lang): Promise<string> {
    const inline = `${lang}|${action.id} ${action.value}`;
    if (Buffer.byteLength(inline) <= CALLBACK_LIMIT) return inline;
    const doc = await this.open();
    const now = this.now();
    for (const [ref, a] of Object.entries(doc.data.actions)) if (a.expires < now) delete doc.data.actions[ref];
    const ref = randomBytes(9).toString('base64url');
    doc.data.actions[ref] = { id: action.id, value: action.value, lang, expires: now + ACTION_TTL_MS };
    await doc.write();
    return `#${ref}`;
  }

  /** The action a press stands for, or undefined when the data is unknown or expired. */
  async pressed(data: string): Promise<PressedAction | undefined> {
    if (data.startsWith('#')) {
      const a = (await this.open()).data.actions[data.slice(1)];
      return a && a.expires >= this.now() ? { action: { id: a.id, value: a.value }, lang: a.lang } : undefined;
    }
    const m = /^(zh|en)\|(\S+) ?(.*)$/s.exec(data);
    return m ? { action: { id: m[2], value: m[3] }, lang: m[1] as Lang } : undefined;
  }
}
