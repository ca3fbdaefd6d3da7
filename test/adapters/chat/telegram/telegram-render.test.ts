import { describe, expect, it } from 'vitest';
import { escapeHtml, packMessages, TELEGRAM_LIMIT } from '../../../../src/platforms/telegram/telegram-html.ts';
import { alertText, renderTelegram } from '../../../../src/platforms/telegram/telegram-render.ts';
import type { Reply } from '../../../../src/chat/reply.ts';

/** Tags open and close in order within one message (the rule Telegram's HTML parser enforces). */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)(\w+)[^>]*>/g)) {
    if (!m[1]) stack.push(m[2]);
    else if (stack.pop() !== m[2]) return false;
  }
  return stack.length === 0;
}

/** What a person sees: tags dropped, entities decoded. */
const visible = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('telegram rendering', () => {
  it('escapes &, < and > in store data everywhere: text, figures, tables', () => {
    const reply: Reply = {
      lang: 'en',
      blocks: [
        { type: 'text', text: 'Top SKUs for <Tea & Cups>', tone: 'heading' },
        { type: 'figures', items: [{ label: 'GMV <net>', value: '¥1,000.00', change: { direction: 'up', text: '+12.0%', previous: '¥892.86' } }] },
        { type: 'table', columns: [{ title: 'SKU', align: 'left' }, { title: 'Sales', align: 'right' }], rows: [['Tea & Cups <Gift>', '¥88.00'], ['A&B "x"', '¥1.00']] },
      ],
    };
    const [html] = renderTelegram(reply).messages;
    expect(html).toContain('<b>Top SKUs for &lt;Tea &amp; Cups&gt;</b>');
    expect(html).toContain('GMV &lt;net&gt;: <b>¥1,000.00</b>  ▲ +12.0%');
    expect(html).toMatch(/<pre>SKU[\s\S]*Tea &amp; Cups &lt;Gift&gt;\s+¥88\.00[\s\S]*<\/pre>/);
    expect(html).not.toMatch(/<(?!\/?(b|i|pre|a)\b)/); // no raw < except our own tags
    expect(balanced(html)).toBe(true);
  });

  it('shows ▼ for a drop and ＝ for no change, with the previous value', () => {
    const reply: Reply = {
      lang: 'zh',
      blocks: [{ type: 'figures', items: [{ label: '退款率', value: '3.10%', change: { direction: 'down', text: '-0.50个百分点', previous: '3.60%' } }, { label: '订单数', value: '12', change: { direction: 'flat', text: '0.0%', previous: '12' } }] }],
    };
    const html = renderTelegram(reply).messages[0];
    expect(html).toContain('退款率: <b>3.10%</b>  ▼ -0.50个百分点 <i>(上期 3.60%)</i>');
    expect(html).toContain('＝ 0.0%');
  });

  it('splits a long answer into messages under 4096 characters, each with balanced tags, losing nothing', () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`SKU-${i} <&>`, `¥${i}.00`]);
    const reply: Reply = { lang: 'en', blocks: [{ type: 'text', text: 'Intro' }, { type: 'table', columns: [{ title: 'SKU', align: 'left' }, { title: 'Sales', align: 'right' }], rows }] };
    const { messages } = renderTelegram(reply);
    // renderTable shows 50 rows, then "… N more rows"
    const long = packMessages([{ open: '<pre>', close: '</pre>', lines: rows.map((r) => r.join(' ')) }]);
    for (const m of [...messages, ...long]) {
      expect(m.length).toBeLessThanOrEqual(TELEGRAM_LIMIT);
      expect(balanced(m)).toBe(true);
      expect(m).not.toMatch(/&[a-z]*$|&[a-z]*[^a-z;]/); // no entity cut in half
    }
    expect(long.length).toBeGreaterThan(1);
    expect(long.map(visible).join('\n')).toBe(rows.map((r) => r.join(' ')).join('\n'));
  });

  it('cuts one enormous line without breaking an entity', () => {
    const line = 'a&b'.repeat(3000);
    const parts = packMessages([{ open: '<b>', close: '</b>', lines: [line] }]);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(TELEGRAM_LIMIT);
      expect(p.startsWith('<b>') && p.endsWith('</b>')).toBe(true);
      expect(p.slice(3, -4)).not.toMatch(/&(?!amp;)/);
    }
    expect(parts.map(visible).join('')).toBe(line);
  });

  it('turns choices into keyboard rows, and after a decision drops them and says who chose what', () => {
    const reply: Reply = {
      lang: 'en',
      blocks: [{ type: 'text', text: 'Approve <budget>?' }, { type: 'choices', prompt: 'Decide:', choices: [{ label: 'Approve', action: { id: 'approve', value: 'B-17' } }, { label: 'Reject', action: { id: 'reject', value: 'B-17' }, style: 'danger' }] }],
      mentions: ['telegram:42', 'slack:U1'],
    };
    const open = renderTelegram(reply, { nameOf: (id) => (id === 'telegram:42' ? 'Bob <B>' : undefined) });
    expect(open.buttons).toEqual([[{ label: 'Approve', action: { id: 'approve', value: 'B-17' } }, { label: 'Reject', action: { id: 'reject', value: 'B-17' }, style: 'danger' }]]);
    expect(open.messages[0]).toContain('<a href="tg://user?id=42">Bob &lt;B&gt;</a>');
    expect(open.messages[0]).not.toContain('U1');
    const done = renderTelegram(reply, { decided: { by: '@li & co', label: 'Approve' } });
    expect(done.buttons).toEqual([]);
    expect(done.messages[0]).toContain('<i>✔ Approve — chosen by @li &amp; co</i>');
  });

  it('draws a chart as bars only when no table repeats its numbers', () => {
    const chart = { type: 'chart' as const, kind: 'bar' as const, title: 'GMV by day', points: [{ label: 'Mon', value: 10, display: '¥10' }, { label: 'Tue', value: 20, display: '¥20' }] };
    expect(renderTelegram({ lang: 'en', blocks: [chart] }).messages[0]).toMatch(/<b>GMV by day<\/b>\n\n<pre>Mon █+ ¥10\nTue █+ ¥20<\/pre>/);
    const withTable = renderTelegram({ lang: 'en', blocks: [chart, { type: 'table', columns: [{ title: 'Day', align: 'left' }], rows: [['Mon']] }] });
    expect(withTable.messages[0]).not.toContain('█');
  });

  it('makes a short alert for ephemeral answers', () => {
    expect(alertText({ lang: 'en', blocks: [{ type: 'text', text: 'Already decided by Bob.' }] })).toBe('Already decided by Bob.');
    expect([...alertText({ lang: 'en', blocks: [{ type: 'text', text: 'x'.repeat(500) }] })].length).toBe(200);
    expect(escapeHtml('<a & b>')).toBe('&lt;a &amp; b&gt;');
  });
});
