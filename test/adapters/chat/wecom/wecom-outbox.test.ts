import { afterEach, describe, expect, it } from 'vitest';
import { WecomAdapter } from '../../../../src/platforms/wecom/wecom-adapter.ts';
import { GroupRobots } from '../../../../src/platforms/wecom/wecom-webhook.ts';
import { Dispatcher } from '../../../../src/outbound/dispatcher.ts';
import { JournalOutboxStore } from '../../../../src/outbound/journal-outbox-store.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import type { Reply } from '../../../../src/chat/reply.ts';
import { silentLogger } from '../../../../src/domain/log.ts';
import { DEFAULT_PACING } from '../../../../src/outbound/pacing.ts';
import { WecomHttpStandIn } from './wecom-http-stand-in.ts';

// Escalations for a WeCom room through the outbox: the room's group robot, paced to WeCom's
// 20 messages a minute, a frequency error held and retried, nothing lost or doubled.

let wecom: WecomHttpStandIn;
afterEach(() => wecom?.close());

describe('wecom in the outbound engine', () => {
  it('paces a burst to 20 a minute per room, and holds a message WeCom refused for frequency, then sends it once', async () => {
    wecom = new WecomHttpStandIn();
    const adapter = new WecomAdapter({ robots: new GroupRobots({ wrOpsRoom01: 'key-1234abcd' }, await wecom.listen()), docs: new MemoryDocStore(), log: silentLogger, timeZone: 'Asia/Shanghai' });
    let t = Date.parse('2026-11-27T02:00:00Z');
    const store = JournalOutboxStore.memory();
    const dispatcher = new Dispatcher({
      store,
      adapters: { wecom: adapter },
      pacing: DEFAULT_PACING,
      clock: { now: () => new Date(t) },
      sleep: async (ms) => {
        t += ms;
      },
      log: silentLogger,
    });
    const at = new Date(t).toISOString();
    const escalation = (n: number): Reply => ({ lang: 'zh', blocks: [{ type: 'text', text: `投诉 #${n} 超时未处理，升级给客服主管`, tone: 'warning' }], mentions: ['wecom:cs_lead'] });
    await store.add(Array.from({ length: 22 }, (_, i) => ({ key: `esc:${i}`, kind: 'escalation', conversation: 'wecom:wrOpsRoom01', payload: escalation(i), dueAt: at })), new Date(t));
    const start = t;
    const report = await dispatcher.drain();
    expect(report.sent).toHaveLength(22);
    expect(report.rateLimited).toBe(0);
    const texts = wecom.calls.map((c) => c.body.markdown.content as string);
    expect(new Set(texts).size).toBe(22);
    expect(texts.every((c) => c.endsWith('<@cs_lead>'))).toBe(true);
    // 22 messages at 20 a minute cannot all go out within the first minute.
    expect(t - start).toBeGreaterThanOrEqual(60_000);

    // WeCom's frequency error (45009) holds the message and sends it later, once.
    await store.add([{ key: 'esc:late', kind: 'escalation', conversation: 'wecom:wrOpsRoom01', payload: escalation(99), dueAt: new Date(t).toISOString() }], new Date(t));
    wecom.nextErrcode = 45009;
    const again = await dispatcher.drain();
    expect([again.sent.length, again.rateLimited, again.failed.length]).toEqual([1, 1, 0]);
    expect(wecom.calls.slice(22).map((c) => c.body.markdown.content)).toEqual([texts[0].replace('#0', '#99'), texts[0].replace('#0', '#99')]);
    await store.close();
  });
});
