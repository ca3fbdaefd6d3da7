import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { checkPlaybook } from './domain/playbook/check.ts';
import { PlaybookError } from './domain/playbook/load.ts';
import { readPlaybookFile } from './adapters/store/playbook-file.ts';
import { DataDirLocked } from './adapters/store/data-dir-lock.ts';
import { askCommand } from './app/cli/ask.ts';
import { demoCommand } from './app/cli/demo.ts';
import { importCommand } from './app/cli/import.ts';
import { startCommand } from './app/cli/start.ts';
import { extraCliHandlers } from './app/cli/cli-registry.ts';
import { EnvFileError, loadEnvFile } from './app/cli/env-file.ts';

// store-ops-bot [start] | ask TEXT | import orders|traffic|spend FILE | tick | demo reset

const USAGE = `usage:
  store-ops-bot [start]                      run the bot (terminal chat when no platform token is set)
  store-ops-bot ask "今天GMV" [--as USER] [--json] [--dm] [--chart FILE.png]
  store-ops-bot import orders|traffic|spend|stock FILE
  store-ops-bot sync shopify --since 2026-01-01   read Shopify orders through the Admin API (resumable)
  store-ops-bot tick                          run what is due once and exit
  store-ops-bot demo reset                    rebuild the demo store`;

export type CliHandler = (args: string[], flags: Flags) => Promise<number>;
export interface Flags {
  as?: string;
  json?: boolean;
  dm?: boolean;
  /** `ask --chart FILE`: write the answer's chart as a PNG. */
  chart?: string;
  since?: string;
}

const handlers: Record<string, CliHandler> = {
  start: startCommand,
  ask: askCommand,
  import: importCommand,
  demo: demoCommand,
};

/** Registers a subcommand from another module (e.g. `tick`), keeping this file a table. */
export function addCliCommand(name: string, handler: CliHandler): void {
  handlers[name] = handler;
}
// Modules imported from extra-commands.ts register with cli-registry.ts's addCliCommand instead:
// importing main.ts back from there would wait on main.ts's own top-level await (exit code 13).

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { as: { type: 'string' }, json: { type: 'boolean' }, dm: { type: 'boolean' }, chart: { type: 'string' }, since: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [name = 'start', ...rest] = positionals;
  await import('./app/cli/extra-commands.ts');
  const handler = handlers[name] ?? extraCliHandlers[name];
  if (!handler) {
    console.error(`unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  return handler(rest, values);
}

try {
  loadEnvFile(); // `.env` in the current folder, if any; variables already set in the environment win
  const config = loadConfig(); // fail fast with one line before anything else starts
  checkPlaybook(readPlaybookFile(config.PLAYBOOK_FILE));
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof ConfigError || err instanceof EnvFileError || err instanceof PlaybookError || err instanceof DataDirLocked) {
    console.error(err.message);
    process.exitCode = 1;
  } else if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${err.message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    // Anything else is our fault or the environment's: one line for the operator, the stack with LOG_LEVEL=debug.
    console.error(`store-ops-bot: ${err instanceof Error ? err.message : String(err)}${process.env.LOG_LEVEL === 'debug' ? `\n${(err as Error).stack}` : ' (LOG_LEVEL=debug shows the details)'}`);
    process.exitCode = 1;
  }
}
