import { localIdOf } from '../../chat/address.ts';
import type { ApprovalRequest } from '../../domain/approvals/approval.ts';
import type { BotError } from '../../bot/errors.ts';
import type { Lang } from '../../chat/lang.ts';
import type { Block } from '../../chat/reply.ts';
import type { CommandContext } from '../../bot/spec.ts';

/**
 * What a feature plugs into the generic approval flow (budget changes, large coupon
 * campaigns). `load` may await; `check` and `apply` run synchronously inside the
 * decision's check-and-set, so they must read and change only what is in memory.
 */
export interface ApprovalKind {
  /** Matches ApprovalRequest.kind, e.g. `budget.change`. */
  kind: string;
  load(ctx: CommandContext, request: ApprovalRequest): Promise<LoadedApproval>;
}

export interface LoadedApproval {
  /** Against the state now: a BotError if it can no longer be done, and whether it breaks a rule. */
  check(): { refuse?: BotError; needsOverride: boolean; warnings: string[] };
  /** Makes the approved change in memory, at once. */
  apply(request: ApprovalRequest): void;
  /** Writes what `apply` changed. */
  persist(): Promise<void>;
  /** The request's effect, for the card once decided. */
  describe(lang: Lang): Block[];
}

/** A feature's audit prefix: `budget.change` → `budget` (so `budget.approve`, `budget.expire`). */
export const auditPrefix = (kind: string) => kind.split('.')[0];

/** How a qualified user id reads in text: `console:bob` → `@bob`. Adapters mention natively via Reply.mentions. */
export const at = (user: string) => `@${localIdOf(user)}`;
