import { openApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Flags } from '../../main.ts';
import { CONSOLE_ROOM } from '../chat/console/console-adapter.ts';
import { renderText } from '../chat/text/render-text.ts';
import { ensureDemoStore } from './demo.ts';

/** `store-ops-bot ask "今天GMV" [--as USER] [--json]`: one answer, then exit. */
export async function askCommand(args: string[], flags: Flags): Promise<number> {
  const text = args.join(' ').trim();
  if (!text) {
    console.error('usage: store-ops-bot ask "今天GMV" [--as USER] [--json]');
    return 2;
  }
  const config = loadConfig();
  const app = await openApp(config, { log: (await import('../../app.ts')).makeLogger(config, true) });
  await ensureDemoStore(app);
  const user = flags.as ?? process.env.USER ?? 'me';
  const reply = await app.bot.handle({
    platform: 'console',
    conversation: flags.dm ? `console:dm:${user}` : CONSOLE_ROOM,
    user: `console:${user}`,
    userName: user,
    direct: !!flags.dm,
    text,
  });
  if (flags.json) console.log(JSON.stringify(reply.data ?? { text: renderText(reply) }, null, 2));
  else console.log(renderText(reply));
  const error = (reply.data as { error?: string } | undefined)?.error;
  return error && error !== 'forbidden' ? 1 : 0;
}
