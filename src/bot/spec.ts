import type { z } from 'zod';
import type { Role } from '../domain/roles.ts';
import type { Incoming } from '../chat/incoming.ts';
import type { Bilingual, Lang } from '../chat/lang.ts';
import type { Reply } from '../chat/reply.ts';
import type { Services } from './services.ts';

export interface CommandContext {
  incoming: Incoming;
  lang: Lang;
  services: Services;
  /** The user's roles, already looked up. */
  roles: Role[];
}

/**
 * One command, one spec. `phrases` are how people start it, in each language
 * (the longest match wins); `parse` turns the words after the phrase into raw
 * arguments, which `args` (zod) checks before `handle` runs.
 */
export interface CommandSpec<A = unknown> {
  id: string;
  phrases: { zh: string[]; en: string[] };
  summary: Bilingual;
  examples: { zh: string[]; en: string[] };
  /** The role needed; `staff` means everyone. */
  role: Role;
  /** Other roles that may run it too (any of them), e.g. `tiers run`: community, or ops_manager. */
  alsoRoles?: Role[];
  args: z.ZodType<A>;
  parse(rest: string, ctx: CommandContext): unknown;
  /** Free-text commands (metric questions) claim a message that matched no phrase. */
  claims?(text: string): boolean;
  handle(ctx: CommandContext, args: A): Promise<Reply> | Reply;
  /** Hidden from `help` (e.g. typed forms of button presses). */
  hidden?: boolean;
}

export const defineCommand = <A>(spec: CommandSpec<A>): CommandSpec<A> => spec;
