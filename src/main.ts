import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { checkPlaybook } from './domain/playbook/check.ts';
import { PlaybookError } from './domain/playbook/load.ts';
import { readPlaybookFile } from './adapters/store/playbook-file.ts';
import { DataDirLocked } from './adapters/store/data-dir-lock.ts';
import { cliCommands, USAGE } from './app/cli/commands.ts';
import { EnvFileError, loadEnvFile } from './app/cli/env-file.ts';

// store-ops-bot [start] | ask TEXT | import … | sync shopify | tick | demo reset — the table is src/app/cli/commands.ts.

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
  const handler = Object.hasOwn(cliCommands, name) ? cliCommands[name] : undefined;
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
