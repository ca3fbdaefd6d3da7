import type { CliHandler } from './flags.ts';

// Every subcommand, one line each. A module is loaded only when its subcommand runs,
// so `ask help` does not pay for the platform SDKs that `start` needs.

export const USAGE = `usage:
  store-ops-bot [start]                      run the bot (terminal chat when no platform token is set)
  store-ops-bot ask "今天GMV" [--as USER] [--json] [--dm] [--chart FILE.png]
  store-ops-bot import orders|traffic|spend|stock FILE
  store-ops-bot sync shopify --since 2026-01-01   read Shopify orders through the Admin API (resumable)
  store-ops-bot tick                          run what is due once and exit
  store-ops-bot demo reset                    rebuild the demo store`;

export const cliCommands: Record<string, CliHandler> = {
  start: async (args, flags) => (await import('./start.ts')).startCommand(args, flags),
  ask: async (args, flags) => (await import('./ask.ts')).askCommand(args, flags),
  import: async (args, flags) => (await import('./import.ts')).importCommand(args, flags),
  sync: async (args, flags) => (await import('./sync.ts')).syncCommand(args, flags),
  tick: async (args, flags) => (await import('./tick.ts')).tickCommand(args, flags),
  demo: async (args, flags) => (await import('./demo.ts')).demoCommand(args, flags),
};
