import { describe, expect, it } from 'vitest';
import { consoleWorld } from '../support/console-world.ts';

// A manager starts a Double 11 checklist in the terminal chat, ticks items, and watches
// reminders arrive as the days pass (the engine's tick, with a clock the test moves).

async function setup(startIso: string) {
  const world = await consoleWorld({ start: startIso, terminalUser: 'boss', grants: [['console:boss', 'ops_manager']] });
  const say = (text: string, user = 'console:boss', conversation = 'console:ops-room') => world.app.bot.handle({ platform: 'console', conversation, user, direct: false, text });
  return { app: world.app, say, tick: (iso: string) => world.tick(iso) };
}

const texts = (r: { blocks: { type: string; text?: string }[] }) => r.blocks.map((b) => b.text ?? '').join('\n');

describe('terminal chat: a Double 11 checklist', () => {
  it('in Chinese: start, tick items, and reminders as days pass, each once', async () => {
    const { say, tick } = await setup('2026-08-01T10:00:00+08:00');
    const start = await say('启动清单 双11 2026-11-11');
    expect(texts(start)).toContain('双11 清单 · 活动日 2026-11-11');
    expect(JSON.stringify(start.blocks)).toContain('目标拆解');

    // The day before item 1 (due 08-11), at 09:00: a nudge in the room, mentioning the owner role's holders.
    expect(await tick('2026-08-10T08:00:00+08:00')).toBe('');
    const nudge = await tick('2026-08-10T09:00:00+08:00');
    expect(nudge).toContain('明天到期：#1 目标拆解');
    expect(await tick('2026-08-10T15:00:00+08:00')).toBe(''); // once per day

    // Down from the 11th to the 13th: one digest on return, flagged late, item 1 overdue.
    const back = await tick('2026-08-13T14:00:00+08:00');
    expect(back.match(/今日待办/g)).toHaveLength(1);
    expect(back).toContain('#1 目标拆解');
    expect(back).toContain('逾期');
    expect(back).toMatch(/迟到|late/);

    expect(texts(await say('完成 1'))).toContain('#1 已完成');
    expect(texts(await say('延期 2 3天'))).toContain('新截止日');
    expect(texts(await say('跳过 3 供应商年框已签'))).toContain('已跳过');
    expect(texts(await say('完成 1'))).toContain('已经完成');
    expect(texts(await say('完成 999'))).toContain('没有这个事项编号');
    expect(texts(await say('完成 4', 'console:staffer'))).toContain('负责人或运营经理');

    // Next morning nothing is overdue any more, so no digest.
    expect(await tick('2026-08-14T09:05:00+08:00')).not.toContain('今日待办');
    const progress = await say('清单');
    expect(JSON.stringify(progress.blocks)).toContain('完成 2/4');
  });

  it('in English: bad inputs are explained and change nothing', async () => {
    const { say, tick } = await setup('2026-08-01T10:00:00+08:00');
    expect(texts(await say('checklist start christmas 2026-12-25'))).toContain('There is no "christmas" checklist template');
    expect(texts(await say('checklist start double11 2026-13-01'))).toContain('is not a date');
    expect(texts(await say('checklist start double11 2026-07-01'))).toContain('in the past');
    expect(texts(await say('checklist'))).toContain('No checklist is running');
    expect(texts(await say('checklist start double11 2026-11-11', 'console:staffer'))).toContain('operations manager role');
    expect(texts(await say('checklist start double11 2026-11-11'))).toContain('Double 11 checklist · event day 2026-11-11');
    expect(texts(await say('checklist start double11 2026-11-11'))).toContain('already runs');
    expect(texts(await say('assign 1 cara'))).toContain('a person like @bob'); // a bare word is not taken for a person
    const assigned = await say('assign 1 @cara');
    expect(texts(assigned)).toContain("#1 is now @cara's");
    expect(assigned.mentions).toEqual(['console:cara']);
    // The day before, the nudge goes to the assigned person's DM, in the language it was started in.
    const nudge = await tick('2026-08-10T09:00:00+08:00');
    expect(nudge).toContain('console:dm:cara');
    expect(nudge).toContain('Due tomorrow: #1 Break down targets');
    expect(texts(await say('postpone 2 whenever'))).toContain('a delay like 3d');
    // Item 1 belongs to this room's checklist: ticking it from another room is refused.
    expect(texts(await say('done 1', 'console:boss', 'console:marketing-room'))).toContain('belongs to the "Double 11" checklist of another conversation');
    expect(texts(await say('checklist', 'console:boss', 'console:marketing-room'))).toContain('No checklist is running');
  });

  it('cadence reminders post on their own schedule, with last week\'s figures on Monday, once each', async () => {
    const { say, tick } = await setup('2026-11-20T10:00:00+08:00'); // a Friday
    expect(texts(await say('cadence on'))).toContain('Weekly ops report');
    expect(await tick('2026-11-21T12:00:00+08:00')).toBe(''); // the last slots were before subscribing
    const monday = await tick('2026-11-23T09:31:00+08:00');
    expect(monday).toContain('Weekly ops report'); // in the language it was turned on in, not the store's (zh)
    expect(monday).toContain('GMV: ¥0.00'); // key figures attached (this test store has no orders)
    expect(await tick('2026-11-23T17:00:00+08:00')).toBe('');
    expect(await tick('2026-11-25T09:00:00+08:00')).toContain('Member day');
    expect(texts(await say('cadence off'))).toContain('off');
    expect(await tick('2026-12-01T10:00:00+08:00')).toBe('');
  });
});
