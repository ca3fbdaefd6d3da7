import type { Role } from '../../domain/roles.ts';
import type { DocStore } from '../../domain/ports.ts';
import { say } from '../../chat/lang.ts';
import type { Block, Reply } from '../../chat/reply.ts';
import type { CommandContext } from '../../bot/spec.ts';
import { plural } from '../shared/counts.ts';

// "Preview, then confirm": a command stores what it would do as a pending confirmation,
// keyed by user + conversation with a time limit; `confirm` / `确认` (typed by the same user
// in the same conversation, or the Confirm button) runs it once; `cancel` / `取消` drops it.
//
//   export const tiersApply = defineConfirmable<{ day: number }>({ kind: 'tiers.apply', roles: ['community'], apply: async (ctx, payload) => reply });
//   (listed in the feature's `confirmables`, so `confirm` finds it)
//   return askConfirmation(ctx, { kind: 'tiers.apply', payload: { day }, minutes: 10, preview });
//
// The payload is stored in the DocStore (plain JSON), so a confirmation survives a restart.
// One pending confirmation per user and conversation: a new preview replaces the old one.

export interface Confirmable<P = unknown> {
  kind: string;
  /** Role(s) the confirming user must hold (any of them); checked again at confirm time. */
  roles: Role[];
  apply(ctx: CommandContext, payload: P): Promise<Reply> | Reply;
}

export interface Pending {
  id: number;
  kind: string;
  user: string;
  conversation: string;
  payload: unknown;
  createdAt: string;
  expiresAt: string;
}

interface PendingDoc {
  next: number;
  pending: Record<string, Pending>;
}

/** A feature's confirmable action, typed by its payload; list it in the feature's `confirmables`. */
export const defineConfirmable = <P>(c: Confirmable<P>): Confirmable<P> => c;

const keyOf = (user: string, conversation: string) => `${user}|${conversation}`;
const openDoc = (docs: DocStore) => docs.open<PendingDoc>('confirm/pending', { next: 1, pending: {} });

/** Stores the pending action and returns the preview with Confirm / Cancel buttons appended. */
export async function askConfirmation(ctx: CommandContext, a: { kind: string; payload: unknown; minutes: number; preview: Reply }): Promise<Reply> {
  const doc = await openDoc(ctx.services.docs);
  const now = ctx.services.clock.now();
  const { user, conversation } = ctx.incoming;
  const id = doc.data.next++;
  const pending: Pending = { id, kind: a.kind, user, conversation, payload: a.payload, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + a.minutes * 60_000).toISOString() };
  doc.data.pending[keyOf(user, conversation)] = pending;
  await doc.write();
  const t = say(ctx.lang);
  const choices: Block = {
    type: 'choices',
    prompt: t(`${a.minutes} 分钟内回复「确认」执行，或「取消」。`, `Reply "confirm" within ${plural(a.minutes, 'minute')} to apply, or "cancel".`),
    ref: `#${id}`,
    choices: [
      { label: t('确认', 'Confirm'), action: { id: 'confirm', value: String(id) }, style: 'primary' },
      { label: t('取消', 'Cancel'), action: { id: 'cancel', value: String(id) }, style: 'danger' },
    ],
  };
  return { ...a.preview, blocks: [...a.preview.blocks, choices], data: { ...(a.preview.data as object), pending: { id, kind: a.kind, expiresAt: pending.expiresAt } } };
}

export type Taken = { pending: Pending } | { missing: 'none' | 'expired' | 'other' };

/**
 * Removes and returns the user's pending confirmation in this conversation. The check-and-delete
 * happens before the awaited write, so two quick `confirm`s run the action once.
 * `id` (from a button) must match the pending one, so an old card cannot confirm a newer preview.
 */
export async function takeConfirmation(ctx: CommandContext, id?: number): Promise<Taken> {
  const doc = await openDoc(ctx.services.docs);
  const key = keyOf(ctx.incoming.user, ctx.incoming.conversation);
  const pending = doc.data.pending[key];
  if (!pending) return { missing: 'none' };
  if (id !== undefined && pending.id !== id) return { missing: 'other' };
  delete doc.data.pending[key];
  const expired = Date.parse(pending.expiresAt) < ctx.services.clock.now().getTime();
  await doc.write();
  return expired ? { missing: 'expired' } : { pending };
}
