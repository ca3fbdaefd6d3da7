import { PuppetMock } from 'wechaty-puppet-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { makeChartRenderer } from '../../../../src/adapters/charts/render-chart.ts';
import { replyOf, text, type Reply } from '../../../../src/chat/reply.ts';
import { pngIn } from '../../../support/png-in.ts';
import { recordingLog } from '../../../support/recording-log.ts';
import { segmentsSample } from '../../charts/chart-samples.ts';
import { mockWechat } from './mock-wechat.ts';

// A chart goes to the room (or DM) as an image after the text answer, through Wechaty's FileBox.

const render = makeChartRenderer();
const answer = async (): Promise<Reply> => replyOf('zh', text('会员分层', 'heading'), segmentsSample());
let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.map((s) => s()));
  stops = [];
});

/** A puppet that cannot send files (as when WeChat refuses an image), text still works. */
class NoFilesPuppet extends PuppetMock {
  override async messageSendFile(): Promise<void> {
    throw new Error('file send refused');
  }
}

describe('WeChat charts', () => {
  it('sends the chart PNG after the text, in the room it was asked in', async () => {
    const log = recordingLog();
    const w = await mockWechat(answer, { prefix: '/', charts: { render, timeZone: 'Asia/Shanghai', log } });
    stops.push(w.stop);
    expect(await w.talk(w.alice, '/会员分层', 'room')).toBe('answered');
    expect(w.heard.map((h) => h.to)).toEqual(['room', 'room']);
    expect(w.heard[0].text).toContain('会员分层');
    expect(w.heard[1].file?.name).toBe('chart-1.png');
    expect(pngIn(w.heard[1].file!.bytes).width).toBe(1440);
    expect(log.lines).toEqual([]);
  });

  it('keeps the text answer and logs when the image cannot be sent', async () => {
    const log = recordingLog();
    const w = await mockWechat(answer, { prefix: '/', charts: { render, timeZone: 'Asia/Shanghai', log }, puppet: (mocker) => new NoFilesPuppet({ mocker }) });
    stops.push(w.stop);
    expect(await w.talk(w.bob, '会员分层', 'dm')).toBe('answered');
    expect(w.heard).toHaveLength(1);
    expect(w.heard[0].text).toContain('会员分层');
    expect(log.lines).toEqual([expect.objectContaining({ level: 'warn', msg: 'chart upload failed; the text answer stands', obj: expect.objectContaining({ platform: 'wechat', chart: '各分层人数' }) })]);
  });

  it('sends a chart with what the bot says first (the outbox path)', async () => {
    const w = await mockWechat(answer, { charts: { render, timeZone: 'Asia/Shanghai', log: recordingLog() } });
    stops.push(w.stop);
    await w.adapter.send({ conversation: 'wechat:room:R1@chatroom' }, await answer());
    await expect.poll(() => w.heard.length).toBe(2);
    expect(w.heard[1].file?.bytes.length).toBeGreaterThan(1000);
  });
});
