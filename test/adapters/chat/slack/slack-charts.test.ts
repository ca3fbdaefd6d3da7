import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeChartRenderer } from '../../../../src/adapters/charts/render-chart.ts';
import type { Reply } from '../../../../src/chat/reply.ts';
import { pngIn } from '../../../support/png-in.ts';
import { recordingLog } from '../../../support/recording-log.ts';
import { channelBarsSample } from '../../charts/chart-samples.ts';
import { fixture, startHarness, type Harness } from './slack-harness.ts';

// A chart goes into the thread of its text answer through Slack's current upload flow:
// files.getUploadURLExternal, the bytes to the upload URL, files.completeUploadExternal.

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const render = makeChartRenderer();
const withChart = (reply: Reply): Reply => ({ ...reply, blocks: [...reply.blocks.filter((b) => b.type !== 'chart'), channelBarsSample(5, 'zh')] });

describe('slack charts', () => {
  it('uploads the chart PNG into the thread of the answer', async () => {
    const log = recordingLog();
    h = await startHarness({ shape: withChart, charts: { render, timeZone: 'Asia/Shanghai', log } });
    const mention = fixture('app_mention');
    await h.event(mention);
    await vi.waitFor(() => expect(h!.stand.callsOf('files.completeUploadExternal')).toHaveLength(1), { timeout: 15_000 });
    expect(h.stand.callsOf('chat.postMessage')[0].args).toMatchObject({ channel: 'C07OPSROOM', thread_ts: mention.event.ts });
    const [asked] = h.stand.callsOf('files.getUploadURLExternal');
    expect(asked.args).toMatchObject({ filename: 'gmv.png' });
    const [complete] = h.stand.callsOf('files.completeUploadExternal');
    expect(complete.args).toMatchObject({ channel_id: 'C07OPSROOM', thread_ts: mention.event.ts });
    const files = (typeof complete.args.files === 'string' ? JSON.parse(complete.args.files) : complete.args.files) as { id: string; title: string }[];
    expect(files).toEqual([{ id: expect.stringMatching(/^F\d+$/), title: 'GMV · 按渠道' }]);
    expect(pngIn(h.stand.uploads.get(files[0].id)!).width).toBe(1440); // the 720-wide chart at 2x
    expect(Number(asked.args.length)).toBeGreaterThan(1000);
    expect(Number(asked.args.length)).toBeLessThanOrEqual(200 * 1024);
    expect(log.lines).toEqual([]);
  });

  it('keeps the text answer and logs it when the upload fails', async () => {
    const log = recordingLog();
    h = await startHarness({ shape: withChart, charts: { render, timeZone: 'Asia/Shanghai', log } });
    h.stand.failNext('files.getUploadURLExternal', { status: 200, body: { ok: false, error: 'not_allowed_token_type' } });
    await h.event(fixture('app_mention'));
    await vi.waitFor(() => expect(log.lines).toHaveLength(1), { timeout: 15_000 });
    expect(log.lines[0]).toMatchObject({ level: 'warn', msg: 'chart upload failed; the text answer stands', obj: { platform: 'slack', chart: 'GMV · 按渠道' } });
    expect(h.stand.callsOf('chat.postMessage')).toHaveLength(1);
    expect(h.stand.callsOf('files.completeUploadExternal')).toHaveLength(0);
    expect(h.stand.failed).toEqual(['files.getUploadURLExternal']);
  });

  it('also logs a refused byte upload, and sends no picture when the conversation turned charts off', async () => {
    const log = recordingLog();
    h = await startHarness({ shape: (r) => ({ ...withChart(r), chartImages: false }), charts: { render, timeZone: 'Asia/Shanghai', log } });
    await h.event(fixture('app_mention'));
    await vi.waitFor(() => expect(h!.stand.callsOf('chat.postMessage')).toHaveLength(1));
    expect(h.stand.callsOf('files.getUploadURLExternal')).toHaveLength(0);
    await h.close();

    const log2 = recordingLog();
    h = await startHarness({ shape: withChart, charts: { render, timeZone: 'Asia/Shanghai', log: log2 } });
    h.stand.failNext('upload', { status: 500 });
    await h.event(fixture('app_mention'));
    await vi.waitFor(() => expect(log2.lines).toHaveLength(1), { timeout: 15_000 });
    expect(log2.lines[0].msg).toBe('chart upload failed; the text answer stands');
    expect(h.stand.callsOf('files.completeUploadExternal')).toHaveLength(0);
  });

  it('sends charts with what the bot says first (the outbox path), into the target thread', async () => {
    const log = recordingLog();
    h = await startHarness({ charts: { render, timeZone: 'Asia/Shanghai', log } });
    const sent = await h.adapter.send({ conversation: 'slack:C07OPSROOM', thread: '1764210000.000100' }, withChart({ lang: 'zh', blocks: [] }));
    expect(sent.messageId).toBe(h.stand.posted[0].ts);
    expect(h.stand.callsOf('files.completeUploadExternal')[0].args).toMatchObject({ channel_id: 'C07OPSROOM', thread_ts: '1764210000.000100' });
    expect(log.lines).toEqual([]);
  });
});
