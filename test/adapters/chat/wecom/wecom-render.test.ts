import { describe, expect, it } from 'vitest';
import { cardOf, decidedCard, pack, renderMarkdown } from '../../../../src/platforms/wecom/wecom-render.ts';
import { text, type Reply } from '../../../../src/chat/reply.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const table: Reply = {
  lang: 'zh',
  blocks: [
    text('今天 GMV 按渠道', 'heading'),
    { type: 'figures', items: [{ label: 'GMV', value: '¥323.45', change: { direction: 'up', text: '+223.5%', previous: '¥100.00' } }] },
    { type: 'table', columns: [{ title: '渠道', align: 'left' }, { title: 'GMV', align: 'right' }], rows: [['天猫', '¥123.45'], ['抖音', '¥200.00']] },
    { type: 'chart', kind: 'bar', title: 'GMV', points: [{ label: '天猫', value: 123, display: '¥123.45' }] },
    { type: 'context', text: '2026-11-27 · Asia/Shanghai' },
  ],
};

describe('wecom rendering', () => {
  it('writes markdown: bold headings and figures, tables aligned in a code block, the chart left out beside a table', () => {
    const [md] = renderMarkdown(table, { room: true });
    expect(md).toContain('**今天 GMV 按渠道**');
    expect(md).toContain('GMV: **¥323.45**  ▲ +223.5%（上期 ¥100.00）');
    expect(md).toMatch(/```\n渠道\s+GMV\n/);
    expect(md).toMatch(/天猫\s+¥123\.45\n抖音\s+¥200\.00\n```/);
    expect(md).not.toContain('█');
    expect(md).toContain('> 2026-11-27 · Asia/Shanghai');
  });

  it('masks phones in groups only, and defuses mentions people typed while keeping the ones the bot adds', () => {
    const reply: Reply = { lang: 'en', blocks: [text('customer 13800138000 says <@boss> and @all')], mentions: ['wecom:lisi', 'telegram:1'] };
    const [room] = renderMarkdown(reply, { room: true });
    expect(room).toContain('138****8000');
    expect(room).not.toContain('<@boss>');
    expect(room).not.toMatch(/(^|[^\u200b])@all/);
    expect(room.endsWith('\n<@lisi>')).toBe(true);
    expect(renderMarkdown(reply, { room: false })[0]).toContain('13800138000');
  });

  it('splits long answers under the limit, closing and reopening code fences', () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`SKU-${i} 蓝色马克杯`, `¥${i}.00`]);
    const long: Reply = { lang: 'zh', blocks: [text('SKU', 'heading'), { type: 'table', columns: [{ title: 'SKU', align: 'left' }, { title: 'GMV', align: 'right' }], rows }] };
    const parts = renderMarkdown(long, { room: false, maxBytes: 1000 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(bytes(p)).toBeLessThanOrEqual(1000);
      expect((p.match(/```/g) ?? []).length % 2).toBe(0);
    }
    expect(pack(['a'.repeat(10), 'b'.repeat(10)], 25)).toEqual([`${'a'.repeat(10)}\n\n${'b'.repeat(10)}`]);
    expect(pack(['a'.repeat(10), 'b'.repeat(10)], 15)).toEqual(['a'.repeat(10), 'b'.repeat(10)]);
  });

  it('turns choices into a button card with keys that name the action, and a decision into a card without buttons', () => {
    const reply: Reply = { lang: 'en', blocks: [text('#1 2026-11 budget: Douyin +¥3,000.00', 'heading'), text('@alice asks: Douyin +¥3,000.00'), { type: 'choices', choices: [{ label: 'Approve', action: { id: 'approve', value: '1' }, style: 'primary' }, { label: 'Reject', action: { id: 'reject', value: '1' }, style: 'danger' }] }] };
    const card = cardOf(reply, 'sob_t1', { room: true })!;
    expect(card).toMatchObject({ card_type: 'button_interaction', task_id: 'sob_t1', main_title: { title: '#1 2026-11 budget: Douyin +¥3,000.00' }, sub_title_text: '@alice asks: Douyin +¥3,000.00' });
    expect(card.button_list).toEqual([{ text: 'Approve', style: 1, key: 'en|approve 1' }, { text: 'Reject', style: 3, key: 'en|reject 1' }]);
    expect(cardOf({ lang: 'en', blocks: [text('no choices')] }, 't', { room: true })).toBeUndefined();
    const done = decidedCard({ lang: 'zh', blocks: [text('#1 已批准', 'heading'), text('由 @wangwu 于 2026-11-20 10:00 批准')] }, 'sob_t1', { userid: 'wangwu', at: '2026-11-20 10:00' }, { room: true });
    expect(done).toEqual({
      card_type: 'text_notice',
      main_title: { title: '#1 已批准' },
      sub_title_text: '由 @wangwu 于 2026-11-20 10:00 批准',
      horizontal_content_list: [
        { keyname: '处理人', value: 'wangwu', type: 3, userid: 'wangwu' },
        { keyname: '时间', value: '2026-11-20 10:00' },
      ],
      task_id: 'sob_t1',
    });
  });
});
