import { afterEach, describe, expect, it, vi } from 'vitest';
import { blockText, fixture, startHarness, type Harness } from './slack-harness.ts';

// Issue 13 point 4 through the real Bolt app: `<@U…>`, `<!channel>`, `<!here>`, `<!subteam^…>` and `@all`
// typed into a complaint (or a slash command) never come back live, in the blocks or in the fallback
// `text` Slack notifies with; the customer's phone and e-mail are masked in the channel.

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const posts = () => h!.stand.callsOf('chat.postMessage').map((c) => c.args);
const LIVE = /<!channel>|<!here>|<!everyone>|<!subteam|<@U07BOB0002>|<@U07CAROL03>/;

describe('slack: typed mentions and customer details', () => {
  it('a complaint typed with mentions is posted with none of them live, the customer masked', async () => {
    h = await startHarness({ env: { BOT_ADMINS: 'slack:U07ALICE01' } });
    const typed = '<@UBOT> complaint new order TB20261101-88 bottle broken <!channel> <!here> <@U07BOB0002|bob> <!subteam^S0TEAM|@ops-team> @all @U07CAROL03 mail jane@example.com phone 13800130050';
    await h.event({ ...fixture('app_mention'), event_id: 'Ev07INJECT1', event: { ...fixture('app_mention').event, user: 'U07ALICE01', ts: '1764211000.000001', text: typed } });
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    const [post] = posts();
    const blocks = blockText(post.blocks);
    expect(blocks).toContain('complaint');
    for (const parsed of [blocks, String(post.text)]) {
      expect(parsed).not.toMatch(LIVE);
      expect(parsed).not.toMatch(/13800130050|jane@example\.com/);
    }
    expect(blocks).toContain('138****0050');
    expect(blocks).toContain('j***@example.com');
    expect(blocks).toContain('U07BOB0002'); // readable, not a ping
  });

  it("a slash command's echo for the room carries the asker's mention only", async () => {
    h = await startHarness();
    const cmd = { ...fixture('slash_command'), text: 'gmv yesterday <!channel> <@U07BOB0002|bob> <!subteam^S0TEAM|@ops-team>', response_url: h.stand.responseUrl('cmd-inject') };
    expect((await h.form(cmd)).status).toBe(200);
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    const [post] = posts();
    const blocks = blockText(post.blocks);
    expect(blocks).toContain('<@U07ALICE01> /ops gmv yesterday');
    expect(blocks).toContain('@bob');
    expect(blocks).not.toMatch(LIVE);
    expect(String(post.text)).not.toMatch(LIVE);
  });
});
