import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { maskPhones } from '../../../../src/platforms/wechat/mask-phones.ts';
import { MAX_BYTES, PHONE_WIDTH, renderWechat, split } from '../../../../src/platforms/wechat/render-wechat.ts';
import { replyOf, text, type Reply } from '../../../../src/chat/reply.ts';

// A Reply as WeChat text: readable on a phone, within WeChat's message size.

describe('renderWechat', () => {
  it('lines figures up and shows ▲/▼ against the previous period', () => {
    const reply = replyOf('zh', {
      type: 'figures',
      items: [
        { label: 'GMV', value: '¥353.45', change: { direction: 'up', text: '+253.5%', previous: '¥100.00' } },
        { label: '退款率', value: '8.49%', change: { direction: 'down', text: '-1.20个百分点', previous: '9.69%' } },
      ],
    });
    const [out] = renderWechat(reply, { room: false });
    const lines = out.split('\n');
    expect(lines[0].indexOf('¥353.45')).toBeGreaterThan(0);
    // Labels padded to the same display width, so values start in one column.
    expect(stringWidth(lines[0].slice(0, lines[0].indexOf('¥353.45')))).toBe(stringWidth(lines[2].slice(0, lines[2].indexOf('8.49%'))));
    expect(lines[1]).toContain('▲ +253.5%（上期 ¥100.00）');
    expect(lines[3]).toContain('▼ -1.20个百分点（上期 9.69%）');
  });

  it('cuts a table to the columns and rows that fit a phone', () => {
    const columns = ['渠道', 'GMV', '毛利', '订单', '客单价', '退款率', '转化率', 'ROI'].map((title, i) => ({ title, align: i ? ('right' as const) : ('left' as const) }));
    const rows = Array.from({ length: 14 }, (_, i) => [`渠道${i}`, '¥1,234,567.89', '¥456,789.00', '12,345', '¥123.45', '8.49%', '3.21%', '2.10']);
    const [out] = renderWechat(replyOf('zh', { type: 'table', columns, rows }), { room: false });
    const lines = out.split('\n');
    for (const l of lines.slice(0, 11)) expect(stringWidth(l)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(out).toContain('… 另有 4 行');
    expect(out).toContain('省略了 2 列：转化率、ROI');
    expect(lines[1]).toMatch(/^渠道0\s+¥1,234,567\.89/);
  });

  it('draws a chart alone but not next to a table with the same numbers', () => {
    const chart = { type: 'chart' as const, kind: 'bar' as const, title: 'GMV', points: [{ label: '天猫', value: 2, display: '¥2' }, { label: '抖音', value: 1, display: '¥1' }] };
    expect(renderWechat(replyOf('zh', chart), { room: false })[0]).toContain('█');
    expect(renderWechat(replyOf('zh', chart, { type: 'table', columns: [{ title: '渠道', align: 'left' }], rows: [['天猫']] }), { room: false })[0]).not.toContain('█');
  });

  it('shows choices as numbered options with a reference to type back, in both languages', () => {
    const choices = (lang: 'zh' | 'en', a: string, b: string): Reply =>
      replyOf(lang, { type: 'choices', prompt: lang === 'zh' ? '请审批' : 'Please decide', choices: [{ label: a, action: { id: 'approve', value: '12' } }, { label: b, action: { id: 'reject', value: '12' } }] });
    expect(renderWechat(choices('zh', '批准', '驳回'), { room: true, refs: ['12'], numbers: true })[0]).toBe('请审批\n1. 批准\n2. 驳回\n回复「批准 #12」或「驳回 #12」，也可直接回复 1 / 2');
    expect(renderWechat(choices('en', 'Approve', 'Reject'), { room: true, refs: ['12'] })[0]).toBe('Please decide\n1. Approve\n2. Reject\nReply "approve #12" or "reject #12"');
    // Long labels: the number form.
    expect(renderWechat(choices('zh', '批准 并通知财务', '驳回'), { room: true, refs: ['7'] })[0]).toContain('回复「编号 #7」，如「1 #7」');
  });

  it('splits a long answer on line ends under the byte limit, numbering the parts', () => {
    const long = Array.from({ length: 200 }, (_, i) => `第${i}行：今天GMV ¥12,345.67 ▲ +3.2%`).join('\n');
    const parts = renderWechat(replyOf('zh', text(long)), { room: false });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(MAX_BYTES);
    expect(parts[0].endsWith(`(1/${parts.length})`)).toBe(true);
    expect(parts.map((p) => p.replace(/\n\(\d+\/\d+\)$/, '')).join('\n')).toBe(long);
    expect(split('x'.repeat(5000), 2000).every((p) => Buffer.byteLength(p) <= 2000)).toBe(true);
  });

  it('masks phone numbers only when writing to a room', () => {
    const reply = replyOf('zh', text('顾客 13812345678'));
    expect(renderWechat(reply, { room: true })[0]).toBe('顾客 138****5678');
    expect(renderWechat(reply, { room: false })[0]).toBe('顾客 13812345678');
  });

  it('masks e-mail addresses in a room like phones, as the last safety net', () => {
    const reply = replyOf('en', text('customer jane@example.com'), { type: 'table', columns: [{ title: 'mail', align: 'left' }], rows: [['bo@shop.cn']] });
    const room = renderWechat(reply, { room: true }).join('\n');
    expect(room).toContain('j***@example.com');
    expect(room).toContain('b***@shop.cn');
    expect(room).not.toMatch(/jane@|bo@/);
    expect(renderWechat(reply, { room: false })[0]).toContain('jane@example.com');
  });
});

describe('maskPhones', () => {
  it('masks mainland mobiles in the usual spellings, and leaves other numbers alone', () => {
    expect(maskPhones('13812345678')).toBe('138****5678');
    expect(maskPhones('tel:+86 138-1234-5678。')).toBe('tel:+86 138****5678。');
    expect(maskPhones('138 1234 5678 和 8613912345678')).toBe('138****5678 和 86139****5678');
    expect(maskPhones('订单 202611271234567 金额 12345678901')).toBe('订单 202611271234567 金额 12345678901');
    expect(maskPhones('已脱敏 138****5678')).toBe('已脱敏 138****5678');
  });
});
