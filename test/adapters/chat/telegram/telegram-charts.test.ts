import { afterEach, describe, expect, it } from 'vitest';
import type { ChartDelivery } from '../../../../src/chat/chart-delivery.ts';
import { TelegramAdapter } from '../../../../src/platforms/telegram/telegram-adapter.ts';
import { photoCaption } from '../../../../src/platforms/telegram/telegram-post.ts';
import { makeChartRenderer } from '../../../../src/adapters/charts/render-chart.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import { replyOf, text, type Reply } from '../../../../src/chat/reply.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { pngIn } from '../../../support/png-in.ts';
import { recordingLog } from '../../../support/recording-log.ts';
import { channelBarsSample } from '../../charts/chart-samples.ts';
import { BOT_INFO, BotApiStandIn } from './bot-api-stand-in.ts';
import { fixture } from './fixtures.ts';

// A chart goes as sendPhoto right after the text answer, replying to the same message,
// with the answer's summary as its HTML-escaped caption.

const GROUP = -1001234567890;
const render = makeChartRenderer();
let api: BotApiStandIn;
let adapter: TelegramAdapter | undefined;

async function started(reply: Reply, charts: ChartDelivery): Promise<void> {
  api = new BotApiStandIn();
  const root = await api.listen();
  adapter = new TelegramAdapter({ token: '123:TEST', apiRoot: root, botInfo: BOT_INFO, docs: new MemoryDocStore(), log: silentLogger, lang: 'zh', charts });
  await adapter.start(async () => reply);
}

afterEach(async () => {
  await adapter?.stop();
  await api?.close();
  adapter = undefined;
});

const answer = (): Reply => ({ ...replyOf('en', text('GMV by channel'), channelBarsSample(5, 'en')), summary: 'GMV <Tea & Cups> ¥50,000.00 ▲+12.5%' });

describe('telegram charts', () => {
  it('sends the chart as a photo replying to the question, the summary as an escaped caption', async () => {
    await started(answer(), { render, timeZone: 'Asia/Shanghai', log: silentLogger });
    api.push(fixture('group-command'));
    const [photo] = await api.waitFor('sendPhoto');
    const [message] = api.callsOf('sendMessage');
    expect(message).toMatchObject({ chat_id: GROUP, reply_parameters: { message_id: 41 } });
    expect(photo).toMatchObject({ chat_id: GROUP, parse_mode: 'HTML', reply_parameters: { message_id: 41 } });
    expect(photo.caption).toBe('<b>GMV by channel</b>\nGMV &lt;Tea &amp; Cups&gt; ¥50,000.00 ▲+12.5%');
    expect(photo.files).toHaveLength(1);
    expect(photo.files[0].filename).toBe('gmv-by-channel.png');
    const png = pngIn(photo.files[0].bytes);
    expect([png.width, png.height]).toEqual([1440, 2 * Math.max(240, 84 + 5 * 40)]);
  });

  it('keeps the text answer and logs when Telegram refuses the photo', async () => {
    const log = recordingLog();
    await started(answer(), { render, timeZone: 'Asia/Shanghai', log });
    api.fail('sendPhoto', { error_code: 400, description: 'Bad Request: PHOTO_INVALID_DIMENSIONS' });
    api.push(fixture('group-command'));
    await api.waitFor('sendPhoto');
    await expect.poll(() => log.lines.length).toBe(1);
    expect(log.lines[0]).toMatchObject({ level: 'warn', msg: 'chart upload failed; the text answer stands', obj: { platform: 'telegram' } });
    expect(api.callsOf('sendMessage')).toHaveLength(1);
  });

  it('keeps a caption within 1,024 characters', () => {
    const caption = photoCaption('GMV', '&'.repeat(2000));
    expect(caption.replace(/<\/?b>/g, '').replace(/&amp;/g, '&').length).toBeLessThanOrEqual(1024);
    expect(caption.endsWith('…')).toBe(true);
  });
});
