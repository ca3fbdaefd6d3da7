import { afterEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../../src/platforms/telegram/telegram-adapter.ts';
import { commandMenus } from '../../../../src/platforms/telegram/telegram-commands.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import { openApp } from '../../../../src/app/compose.ts';
import { buildRegistry } from '../../../../src/bot/feature.ts';
import { features } from '../../../../src/features/index.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { BOT_INFO, BotApiStandIn } from './bot-api-stand-in.ts';
import { fixture } from './fixtures.ts';

// Issue 13 point 4 on the real grammY bot against the Bot API stand-in: @usernames and tg:// links typed
// into a complaint come back inert, the customer's phone and e-mail masked in the group.

let api: BotApiStandIn | undefined;
let adapter: TelegramAdapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  await api?.close();
  adapter = api = undefined;
});

describe('Telegram: typed mentions and customer details', () => {
  it('a complaint logged in a group pings nobody it names and masks the customer', async () => {
    const app = await openApp(loadConfig({ DATA_DIR: '/nonexistent', DEMO_STORE: 'off', BOT_NOW: '2026-11-27T10:30:00+08:00', LOG_LEVEL: 'silent' }), { memory: true, log: silentLogger });
    await app.services.access.grant('telegram:222222222', 'cs_agent');
    api = new BotApiStandIn();
    const root = await api.listen();
    adapter = new TelegramAdapter({ token: '123:TEST', apiRoot: root, botInfo: BOT_INFO, docs: new MemoryDocStore(), log: silentLogger, menus: commandMenus(buildRegistry(features).specs), lang: 'zh' });
    await adapter.start((i) => app.bot.handle(i));
    const update = fixture('group-mention', 900000500);
    const typed = '@StoreOpsBot complaint new order TB20261101-88 bottle broken, ask @durov_ops or <a href="tg://user?id=777">Pavel</a> tg://user?id=778 @all mail jane@example.com phone 13800130050';
    update.message = { ...update.message!, text: typed, entities: [{ offset: 0, length: 12, type: 'mention' }] };
    api.push(update);
    const [sent] = await api.waitFor('sendMessage');
    expect(sent.parse_mode).toBe('HTML');
    const html: string = sent.text;
    expect(html).toContain('Logged complaint');
    // No entity Telegram would turn into a mention: no @username, no tg:// link, no <a> from the typing.
    expect(html).not.toMatch(/(?<!\u200b)@durov_ops|<a |tg:\/\/user/);
    expect(html).toContain('@\u200bdurov_ops');
    expect(html).toContain('&lt;a href=');
    expect(html).not.toMatch(/13800130050|jane@example\.com/);
    expect(html).toContain('138****0050');
    expect(html).toContain('j***@example.com');
  });
});
