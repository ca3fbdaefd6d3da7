import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../../../src/platforms/slack/render-blocks.ts';
import { renderTelegram } from '../../../../src/platforms/telegram/telegram-render.ts';
import { renderText } from '../../../../src/chat/text/render-text.ts';
import { renderWechat } from '../../../../src/platforms/wechat/render-wechat.ts';
import type { Reply } from '../../../../src/chat/reply.ts';

// Every renderer: a warning that brings its own marker (an escalation's 🚨) gets no second one,
// a plain warning still gets ⚠, and an English comparison reads "(prev …)" with half-width parens.

const escalation: Reply = { lang: 'en', blocks: [{ type: 'text', tone: 'warning', text: '🚨 Complaint #3 (serious) missed its first response deadline' }] };
const plain: Reply = { lang: 'en', blocks: [{ type: 'text', tone: 'warning', text: 'Breaks a rule' }] };
const figures = (lang: 'zh' | 'en'): Reply => ({ lang, blocks: [{ type: 'figures', items: [{ label: 'GMV', value: '¥1,200.00', change: { direction: 'up', text: '+20.0%', previous: '¥1,000.00' } }] }] });

const renderers: Record<string, (r: Reply) => string> = {
  terminal: (r) => renderText(r),
  wechat: (r) => renderWechat(r, { room: true }).join('\n'),
  telegram: (r) => renderTelegram(r).messages.join('\n'),
  slack: (r) => renderSlack(r).map((m) => JSON.stringify(m.blocks)).join('\n'),
};

describe.each(Object.entries(renderers))('%s', (_name, render) => {
  it('puts one marker on an escalation and ⚠ on a plain warning', () => {
    const out = render(escalation);
    expect(out).toContain('🚨 Complaint #3');
    expect(out).not.toMatch(/(⚠️?|:warning:)\s*🚨/);
    expect(render(plain)).toMatch(/(⚠️?|:warning:)\s*Breaks a rule/);
  });

  it('writes the previous value half-width in English', () => {
    const en = render(figures('en'));
    expect(en).toContain('prev ¥1,000.00');
    expect(en).not.toMatch(/[（）]/);
  });
});
