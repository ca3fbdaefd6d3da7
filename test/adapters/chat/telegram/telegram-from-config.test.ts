import { afterEach, describe, expect, it } from 'vitest';
import { buildChatAdapters } from '../../../../src/platforms/index.ts';
import { telegramFromConfig } from '../../../../src/platforms/telegram/telegram-from-config.ts';
import { loadConfig } from '../../../../src/config.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import { BotApiStandIn } from './bot-api-stand-in.ts';

// One variable turns Telegram on; the webhook secret is checked like every other setting.

let api: BotApiStandIn | undefined;
afterEach(() => api?.close());

describe('telegram from configuration', () => {
  it('is enabled by TELEGRAM_BOT_TOKEN alone and long-polls the configured API root (getMe, menus, deleteWebhook)', async () => {
    api = new BotApiStandIn();
    const root = await api.listen();
    expect(await buildChatAdapters(loadConfig({ DATA_DIR: '/tmp/x' }), silentLogger, { docs: new MemoryDocStore() })).toHaveLength(0);
    const config = loadConfig({ DATA_DIR: `/tmp/tg-config-test-${process.pid}`, TELEGRAM_BOT_TOKEN: '123:ABC', TELEGRAM_API_ROOT: `${root}/` });
    const adapters = await buildChatAdapters(config, silentLogger, { docs: new MemoryDocStore() });
    expect(adapters.map((a) => a.platform)).toEqual(['telegram']);
    await adapters[0].start(async (i) => ({ lang: 'en', blocks: [{ type: 'text', text: i.text ?? '' }] }));
    await adapters[0].stop();
    expect(api.calls.map((c) => c.method).slice(0, 4)).toEqual(['getMe', 'setMyCommands', 'setMyCommands', 'deleteWebhook']);
  });

  it('refuses a webhook secret Telegram would not accept, naming the variable', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '1:A', TELEGRAM_WEBHOOK_SECRET: 'has spaces!' })).toThrow(/TELEGRAM_WEBHOOK_SECRET must be 1-256 characters/);
    expect(() => telegramFromConfig(loadConfig({}), silentLogger, undefined, { docs: new MemoryDocStore() })).toThrow(/TELEGRAM_BOT_TOKEN/);
  });
});
