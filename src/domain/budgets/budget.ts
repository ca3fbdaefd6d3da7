import { z } from 'zod';

// A month's marketing budget: a total and an allocation per channel, in minor units.
// Whatever is not allocated is the reserve.

export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface MonthBudget {
  /** `YYYY-MM`, a store-calendar month. */
  month: string;
  total: number;
  channels: Record<string, number>;
  setBy: string;
  /** UTC ISO. */
  setAt: string;
}

/** One change to a month's allocation. A move takes from one channel and gives to another. */
export type BudgetChange =
  | { kind: 'increase' | 'decrease'; month: string; channel: string; amount: number }
  | { kind: 'move'; month: string; from: string; channel: string; amount: number };

export const budgetChangeSchema: z.ZodType<BudgetChange> = z.union([
  z.object({ kind: z.enum(['increase', 'decrease']), month: z.string().regex(MONTH), channel: z.string().min(1), amount: z.number().int().positive() }),
  z.object({ kind: z.literal('move'), month: z.string().regex(MONTH), from: z.string().min(1), channel: z.string().min(1), amount: z.number().int().positive() }),
]);

export const allocated = (channels: Record<string, number>) => Object.values(channels).reduce((a, b) => a + b, 0);

/** The allocation after a change, or why it cannot be made (taking more than a channel has). */
export function applyChange(channels: Record<string, number>, change: BudgetChange): { ok: true; channels: Record<string, number> } | { ok: false; short: { channel: string; has: number } } {
  const next = { ...channels };
  const take = change.kind === 'decrease' ? change.channel : change.kind === 'move' ? change.from : undefined;
  if (take !== undefined) {
    const has = next[take] ?? 0;
    if (has < change.amount) return { ok: false, short: { channel: take, has } };
    next[take] = has - change.amount;
  }
  if (change.kind !== 'decrease') next[change.channel] = (next[change.channel] ?? 0) + change.amount;
  return { ok: true, channels: next };
}

/** Channels whose allocation grows with this change. */
export const grows = (change: BudgetChange): string[] => (change.kind === 'decrease' ? [] : [change.channel]);
