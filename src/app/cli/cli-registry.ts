import type { Flags } from '../../main.ts';

// Subcommands that feature modules add (e.g. `tick`). They live here rather than in main.ts:
// a module that main.ts imports while its top-level await runs cannot import main.ts back
// (the import would wait on main.ts, which waits on it, and the process exits with code 13).

export type CliHandler = (args: string[], flags: Flags) => Promise<number>;

export const extraCliHandlers: Record<string, CliHandler> = {};

/** Registers a subcommand: call it from a module imported in extra-commands.ts. */
export function addCliCommand(name: string, handler: CliHandler): void {
  extraCliHandlers[name] = handler;
}
