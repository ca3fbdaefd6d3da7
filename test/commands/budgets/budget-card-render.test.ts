import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../../src/platforms/slack/render-blocks.ts';
import { decodeButtonValue } from '../../../src/platforms/slack/to-incoming.ts';
import { renderTelegram } from '../../../src/platforms/telegram/telegram-render.ts';
import { renderWechat } from '../../../src/platforms/wechat/render-wechat.ts';
import { actionOfKey } from '../../../src/platforms/wecom/wecom-incoming.ts';
import { cardOf, renderMarkdown } from '../../../src/platforms/wecom/wecom-render.ts';
import type { Incoming, Platform } from '../../../src/chat/incoming.ts';
import { budgetApp } from './budget-app.ts';

// The same approval card, asked for on each platform, rendered by that platform's renderer:
// buttons that run `approve 1` / `reject 1`, managers mentioned natively, the broken rule shown.

const ROOM: Record<Platform, string> = { console: 'console:ops-room', slack: 'slack:C0123', telegram: 'telegram:-100123', wechat: 'wechat:room:R1@chatroom', wecom: 'wecom:wrOpsRoom' };

async function card(platform: Platform, requester: string, managers: string[]) {
  const t = await budgetApp();
  for (const m of managers) await t.app.services.access.grant(m, 'ops_manager');
  const base: Omit<Incoming, 'text'> = { platform, conversation: ROOM[platform], user: managers[0], direct: false };
  await t.app.bot.handle({ ...base, text: 'budget set 2026-11 total 100000 douyin 20000 tmall 15000' });
  const reply = await t.app.bot.handle({ ...base, user: requester, messageId: 'msg-1', text: 'budget request douyin +10000 for Double 11' });
  return { t, reply, base };
}

describe('the budget approval card on each platform', () => {
  it('console: numbered choices with the commands they run', async () => {
    const { t, reply } = await card('console', 'console:alice', ['console:bob']);
    const shown = t.terminal.render(reply);
    expect(shown).toContain('【#1 2026-11 budget: Douyin +¥10,000.00】');
    expect(shown).toContain("⚠ Breaks a rule: Douyin would hold 30.0% of the month's budget, over its 25.0% cap");
    expect(shown).toContain('1. Approve  → approve 1');
    expect(shown).toContain('2. Reject  → reject 1');
  });

  it('Slack: Block Kit buttons carrying approve 1 / reject 1, managers mentioned', async () => {
    const { reply } = await card('slack', 'slack:UALICE', ['slack:UBOB', 'slack:UCAROL']);
    const [msg] = renderSlack(reply);
    const json = JSON.stringify(msg.blocks);
    expect(json).toContain('<@UBOB> <@UCAROL>');
    expect(json).toContain('Breaks a rule');
    const actions = msg.blocks.filter((b) => b.type === 'actions') as { elements: { value?: string; style?: string }[] }[];
    const buttons = actions.flatMap((a) => a.elements);
    expect(buttons.map((b) => decodeButtonValue(b.value))).toMatchObject([{ id: 'approve', value: '1' }, { id: 'reject', value: '1' }]);
    expect(buttons.map((b) => b.style)).toEqual(['primary', 'danger']);
  });

  it('Telegram: an inline keyboard and user links for the managers', async () => {
    const { reply } = await card('telegram', 'telegram:111', ['telegram:222']);
    const r = renderTelegram(reply);
    expect(r.buttons.flat().map((c) => [c.label, c.action.id, c.action.value])).toEqual([['Approve', 'approve', '1'], ['Reject', 'reject', '1']]);
    expect(r.messages.join('\n')).toContain('tg://user?id=222');
    expect(r.messages.join('\n')).toContain('#1');
  });

  it('WeChat: #1 in the text and a typed reply that works', async () => {
    const { t, reply, base } = await card('wechat', 'wechat:wxid_alice', ['wechat:wxid_bob', 'wechat:wxid_carol']);
    const text = renderWechat(reply, { room: true, refs: ['1'] }).join('\n');
    expect(text).toContain('#1 2026-11 budget: Douyin +¥10,000.00');
    expect(text).toContain('Reply "approve #1" or "reject #1"');
    const decided = await t.app.bot.handle({ ...base, user: 'wechat:wxid_carol', text: 'approve #1 override Double 11 is the month' });
    // The adapter renders an answer knowing who asked (it mentions them), so their @id stays for it to name.
    expect(renderWechat(decided, { room: true, asker: 'wechat:wxid_carol' }).join('\n')).toContain('#1 approved with an override by @wxid_carol');
  });

  it('WeCom smart bot: a button card whose keys run approve 1 / reject 1, managers @-mentioned', async () => {
    const { reply } = await card('wecom', 'wecom:alice', ['wecom:bob', 'wecom:carol']);
    const md = renderMarkdown(reply, { room: true }).join('\n');
    expect(md).toContain('<@bob> <@carol>');
    expect(md).toContain('Breaks a rule');
    const c = cardOf(reply, 'sob_test', { room: true })!;
    expect(c.card_type).toBe('button_interaction');
    expect(c.button_list!.map((b) => actionOfKey(b.key)?.action)).toEqual([{ id: 'approve', value: '1' }, { id: 'reject', value: '1' }]);
    expect(c.main_title?.title).toContain('#1');
  });
});
