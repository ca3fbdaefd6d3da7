import { randomBytes } from 'node:crypto';
import type { Action } from '../../chat/incoming.ts';
import type { Lang } from '../../chat/lang.ts';
import type { Doc, DocStore } from '../../domain/ports.ts';

// What the adapter must remember across restarts: the updates it already handled
// (Telegram redelivers after a timeout or a crash before the offset moved on) and the
// actions behind buttons whose `id value` does not fit Telegram's 64-byte callback_data.

const KEEP_UPDATES = 1000;
const ACTION_TTL_MS = 14 * 24 * 3600 * 1000;
const CALLBACK_LIMIT = 64;

interface StoredAction {
  id: string;
  value: string;
  lang: Lang;
  expires: number;
}

interface State {
  updates: number[];
  callbacks: string[];
  actions: Record<string, StoredAction>;
}

export interface PressedAction {
  action: Action;
  lang: Lang;
}

export class TelegramState {
  private doc?: Promise<Doc<State>>;
  constructor(
    private readonly docs: DocStore,
    private readonly now: () => number = Date.now,
  ) {}

  private open(): Promise<Doc<State>> {
    this.doc ??= this.docs.open<State>('telegram/state', { updates: [], callbacks: [], actions: {} });
    return this.doc;
  }

  /** True when this id was seen before; otherwise records it. Checked and recorded in one step, so concurrent copies see each other. */
  private async firstTime(key: 'updates' | 'callbacks', id: number | string): Promise<boolean> {
    const doc = await this.open();
    const list = doc.data[key] as (number | string)[];
    if (list.includes(id)) return false;
    list.push(id);
    if (list.length > KEEP_UPDATES) list.splice(0, list.length - KEEP_UPDATES);
    await doc.write();
    return true;
  }

  firstUpdate(updateId: number): Promise<boolean> {
    return this.firstTime('updates', updateId);
  }

  firstCallback(queryId: string): Promise<boolean> {
    return this.firstTime('callbacks', queryId);
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
