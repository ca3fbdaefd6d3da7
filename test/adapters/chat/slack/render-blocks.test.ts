import { describe, expect, it } from 'vitest';
import type { types } from '@slack/bolt';
import { LIMITS, renderSlack, splitText } from '../../../../src/platforms/slack/render-blocks.ts';
import { decodeButtonValue } from '../../../../src/platforms/slack/to-incoming.ts';
import type { Reply } from '../../../../src/chat/reply.ts';

// A Reply as Block Kit: fields for figures, readable tables, buttons that carry their action,
// and every message within Slack's limits.

type Any = Record<string, any>;
const textsOf = (b: types.KnownBlock): string[] => {
  const x = b as Any;
  return [x.text?.text, ...(x.fields ?? []).map((f: Any) => f.text), ...(x.elements ?? []).map((e: Any) => e.text?.text ?? e.text)].filter((t): t is string => typeof t === 'string');
};

describe('slack Block Kit rendering', () => {
  it('shows figures as section fields with ▲/▼ and the previous value, a heading, a context line and a text fallback', () => {
    const reply: Reply = {
      lang: 'en',
      summary: 'GMV yesterday ¥600.00',
      blocks: [
        { type: 'text', text: 'GMV yesterday', tone: 'heading' },
        { type: 'figures', items: [{ label: 'GMV', value: '¥600.00', change: { direction: 'up', text: '+20.0%', previous: '¥500.00' } }, { label: 'Refund rate', value: '1.20%', change: { direction: 'down', text: '-0.3pp', previous: '1.50%' } }] },
        { type: 'context', text: '2026-11-26 · Asia/Shanghai' },
      ],
    };
    const [m, more] = renderSlack(reply);
    expect(more).toBeUndefined();
    expect(m.text).toBe('GMV yesterday ¥600.00');
    expect(m.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'GMV yesterday', emoji: true } });
    const fields = (m.blocks[1] as Any).fields.map((f: Any) => f.text);
    expect(fields[0]).toBe('GMV\n*¥600.00*\n▲ +20.0% · prev ¥500.00');
    expect(fields[1]).toContain('▼ -0.3pp');
    expect(m.blocks[2]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '2026-11-26 · Asia/Shanghai' }] });
  });

  it('keeps a narrow table aligned in a code block and puts a wide one one row per line', () => {
    const narrow = renderSlack({ lang: 'zh', blocks: [{ type: 'table', columns: [{ title: '渠道', align: 'left' }, { title: 'GMV', align: 'right' }], rows: [['天猫', '¥153.45'], ['抖音', '¥200.00']] }, { type: 'chart', kind: 'bar', title: 'GMV', points: [{ label: '天猫', value: 1, display: '¥153.45' }] }] })[0];
    expect(narrow.blocks).toHaveLength(1); // the chart repeats the table's numbers
    expect(textsOf(narrow.blocks[0])[0]).toMatch(/^```渠道\s+GMV\n─+\s+─+\n天猫\s+¥153\.45\n抖音\s+¥200\.00```$/);
    const cols = ['Channel', 'GMV', 'Orders', 'AOV', 'Refund rate', 'Conversion'].map((title, i) => ({ title, align: (i ? 'right' : 'left') as 'left' | 'right' }));
    const wide = renderSlack({ lang: 'en', blocks: [{ type: 'table', columns: cols, rows: [['Tmall', '¥1,234,567.00', '12,345', '¥100.01', '1.20%', '3.45%']] }] })[0];
    expect(textsOf(wide.blocks[0])[0]).toBe('*Tmall*  GMV ¥1,234,567.00 · Orders 12,345 · AOV ¥100.01 · Refund rate 1.20% · Conversion 3.45%');
  });

  it('splits long answers within Slack limits: 50 blocks, 3000 characters, 10 fields', () => {
    const reply: Reply = {
      lang: 'en',
      blocks: [
        { type: 'text', text: 'x'.repeat(7000) },
        { type: 'figures', items: Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: String(i) })) },
        ...Array.from({ length: 60 }, (_, i) => ({ type: 'text' as const, text: `line ${i}` })),
        { type: 'table', columns: [{ title: 'Day', align: 'left' }, { title: 'GMV', align: 'right' }], rows: Array.from({ length: 400 }, (_, i) => [`2026-11-${i}`, `¥${i}.00`]) },
      ],
    };
    const parts = renderSlack(reply);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
      expect(p.text.length).toBeLessThanOrEqual(LIMITS.text);
      for (const b of p.blocks) {
        for (const t of textsOf(b)) expect(t.length).toBeLessThanOrEqual(LIMITS.text);
        expect(((b as Any).fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
      }
    }
    const all = parts.flatMap((p) => p.blocks).flatMap(textsOf).join('\n');
    expect(all.match(/x/g)!.length).toBe(7000); // nothing lost in the split
    expect(all).toContain('2026-11-399');
    expect(parts[1].text).toMatch(/^\(2\/\d\) /);
    expect(splitText('a\nbb\nccc', 4)).toEqual(['a\nbb', 'ccc']);
  });

  it('renders choices as buttons whose value carries the action and the language, and drops them for a decided card', () => {
    const reply: Reply = { lang: 'zh', mentions: ['slack:U07BOB0002', 'telegram:5'], blocks: [{ type: 'text', text: '预算调整待审批 <b>' }, { type: 'choices', ref: 'apr-42', choices: [{ label: '批准', action: { id: 'approve', value: 'apr-42' }, style: 'primary' }, { label: '驳回', action: { id: 'reject', value: 'apr-42' }, style: 'danger' }] }] };
    const [m] = renderSlack(reply);
    expect(m.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '<@U07BOB0002>' } });
    expect(textsOf(m.blocks[1])[0]).toBe('预算调整待审批 &lt;b&gt;');
    const actions = m.blocks[2] as Any;
    expect(actions.type).toBe('actions');
    expect(actions.elements.map((e: Any) => [e.action_id, e.style, decodeButtonValue(e.value)])).toEqual([
      ['ops:0', 'primary', { id: 'approve', value: 'apr-42', lang: 'zh' }],
      ['ops:1', 'danger', { id: 'reject', value: 'apr-42', lang: 'zh' }],
    ]);
    const [decided] = renderSlack({ ...reply, replaceOriginal: true }, { noButtons: true, trail: '✅ <@U07BOB0002>' });
    expect(decided.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(decided.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '✅ <@U07BOB0002>' }] });
    expect(decided.text).not.toContain('approve');
  });
});

describe('slack mentions in text', () => {
  it('turns the domain\'s @U… and slack:U… of the people a reply mentions into real mentions, but not inside code or other words', async () => {
    const { mrkdwn } = await import('../../../../src/platforms/slack/render-blocks.ts');
    const live = new Set(['U07CAROL03', 'U07BOB0002']);
    expect(mrkdwn('@U07CAROL03 asks; granted to slack:U07BOB0002. mail x@U07CAROL03 <b>', live)).toBe('<@U07CAROL03> asks; granted to <@U07BOB0002>. mail x@U07CAROL03 &lt;b&gt;');
    // Issue 13: anyone the reply does not mention stays plain text, whoever typed the id.
    expect(mrkdwn('@U07CAROL03 asks; granted to slack:U07BOB0002', new Set(['U07BOB0002']))).toBe('@U07CAROL03 asks; granted to <@U07BOB0002>');
    expect(mrkdwn('@alice and telegram:U1234567')).toBe('@alice and telegram:U1234567');
  });
});
