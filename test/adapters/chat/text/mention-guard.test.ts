import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../../../src/platforms/slack/render-blocks.ts';
import { renderTelegram } from '../../../../src/platforms/telegram/telegram-render.ts';
import { renderText } from '../../../../src/chat/text/render-text.ts';
import { INERT, quietAtWords, quietBroadcasts } from '../../../../src/chat/text/mention-guard.ts';
import { renderWechat } from '../../../../src/platforms/wechat/render-wechat.ts';
import type { Reply } from '../../../../src/chat/reply.ts';
import { consoleWorld } from '../../../support/console-world.ts';

// Issue 13 point 4: what people type (a complaint, a reason, a name) comes back through every renderer
// without a live mention or a customer's contact details; the bot's own mentions still ping.

const TYPED = 'complaint new order TB20261101-88 bottle broken <!channel> <!here> <@U07BOB0002> slack:U07BOB0002 @U07BOB0002 <!subteam^S0TEAM|@ops> @all @所有人 @everyone @durov tg://user?id=777 mail jane@example.com phone 13800130050';

/** Everything Slack would parse for mentions: the blocks' mrkdwn and the fallback text. */
const slackParsed = (r: Reply) => renderSlack(r).map((m) => JSON.stringify(m.blocks) + '\n' + m.text).join('\n');
const allRenderers = (r: Reply) => ({ slack: slackParsed(r), telegram: renderTelegram(r).messages.join('\n'), wechat: renderWechat(r, { room: true }).join('\n'), console: renderText(r) });

async function complaintInGroup(): Promise<Reply> {
  const world = await consoleWorld({ start: '2026-11-27T10:00:00+08:00', lang: 'en', grants: [['console:alice', 'cs_agent']] });
  const reply = await world.say('alice', TYPED);
  expect(reply.data).toMatchObject({ complaint: expect.anything() });
  return reply;
}

describe('the mention rule', () => {
  it('quiets broadcasts but not e-mail addresses, and is idempotent', () => {
    expect(quietBroadcasts('@all @channel 请@所有人 ops@all.com @allison')).toBe(`@${INERT}all @${INERT}channel 请@${INERT}所有人 ops@all.com @allison`);
    expect(quietBroadcasts(quietBroadcasts('@here'))).toBe(`@${INERT}here`);
    expect(quietAtWords('@durov @小王 jane@example.com tg://user?id=1 @wxid_bob.')).toBe(`@${INERT}durov @${INERT}小王 jane@example.com tg:${INERT}//user?id=1 @${INERT}wxid_bob.`);
    expect(quietAtWords('@wxid_bob. @wxid_bobby', ['wxid_bob'])).toBe(`@wxid_bob. @${INERT}wxid_bobby`);
  });
});

describe('typed mentions through every renderer', () => {
  it('never become live on Slack (blocks and fallback text), Telegram, WeChat or the terminal', async () => {
    const reply = await complaintInGroup();
    const out = allRenderers(reply);
    // Slack: no control sequence survives, the typed user id is plain text.
    expect(out.slack).not.toMatch(/<!channel>|<!here>|<!subteam|<@U07BOB0002>|<!everyone>/);
    expect(out.slack).toContain('U07BOB0002'); // still readable
    // Telegram: no @username or tg:// link a client would turn into a mention.
    expect(out.telegram).not.toMatch(/(?<![\w\u200b])@durov|tg:\/\/user\?id=777|<a href/);
    expect(out.telegram).toMatch(/@\u200bdurov/);
    // WeChat: no @所有人 / @all a room would take for a call-out.
    expect(out.wechat).not.toMatch(/@所有人|@all\b|@everyone/);
    // Every renderer: broadcasts are inert.
    for (const [where, text] of Object.entries(out)) expect(text, where).not.toMatch(/(?<![\w\u200b])@(all|所有人|everyone|channel|here)\b/u);
  });

  it('mask the customer\'s phone and e-mail in a group on every platform', async () => {
    const reply = await complaintInGroup();
    for (const [where, text] of Object.entries(allRenderers(reply))) {
      expect(text, where).not.toMatch(/13800130050|jane@example\.com/);
      expect(text, where).toMatch(/138\*{4}0050/);
      expect(text, where).toContain('j***@example.com');
    }
  });

  it('keep the bot\'s own mentions live', () => {
    const reply: Reply = {
      lang: 'en',
      blocks: [{ type: 'text', text: 'Request by @U07ALICE01 for @U07MGR0001; reason: ask @U07BOB0002 <!channel> @durov @所有人 @wxid_bob, @wxid_mgr' }],
      mentions: ['slack:U07MGR0001', 'telegram:42', 'wechat:wxid_mgr'],
    };
    const [slack] = renderSlack(reply);
    expect(JSON.stringify(slack.blocks)).toContain('<@U07MGR0001>');
    expect(slack.text).toContain('<@U07MGR0001>');
    expect(JSON.stringify(slack)).not.toMatch(/<@U07ALICE01>|<@U07BOB0002>|<!channel>/);
    const tg = renderTelegram(reply, { nameOf: () => 'Li' }).messages.join('\n');
    expect(tg).toContain('<a href="tg://user?id=42">Li</a>');
    const wx = renderWechat(reply, { room: true }).join('\n');
    expect(wx).toContain('@wxid_mgr'); // the adapter swaps it for the manager's name and mentions them
    expect(wx).toContain(`@${INERT}wxid_bob`);
    expect(wx).toContain(`@${INERT}所有人`);
  });
});
