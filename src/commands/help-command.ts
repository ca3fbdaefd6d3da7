import { z } from 'zod';
import { say } from './lang.ts';
import type { Registry } from './registry.ts';
import { text, type Block } from './reply.ts';
import { roleName } from './role-names.ts';
import { defineCommand } from './spec.ts';

/** `help` / `帮助`: what the bot can do, with examples that work as typed. */
export const helpCommand = (registry: Registry) =>
  defineCommand({
    id: 'help',
    phrases: { zh: ['帮助', 'help', '菜单', '怎么用'], en: ['help', 'commands', '?'] },
    summary: { zh: '帮助', en: 'Help' },
    examples: { zh: ['帮助'], en: ['help'] },
    role: 'staff',
    args: z.object({}),
    parse: () => ({}),
    handle(ctx) {
      const t = say(ctx.lang);
      const blocks: Block[] = [text(t('我能做这些：', 'Here is what I can do:'), 'heading')];
      const rows: string[][] = [];
      for (const spec of registry.specs) {
        if (spec.hidden || spec.id === 'help') continue;
        const ex = spec.examples[ctx.lang].slice(0, spec.id === 'metric' ? 4 : 2).join(t('；', '; '));
        const who = spec.role === 'staff' ? '' : t(`（需${roleName(spec.role, 'zh')}）`, ` (${roleName(spec.role, 'en')})`);
        rows.push([`${spec.summary[ctx.lang]}${who}`, ex]);
      }
      blocks.push({ type: 'table', columns: [{ title: t('功能', 'What'), align: 'left' }, { title: t('例如', 'For example'), align: 'left' }], rows });
      blocks.push({ type: 'context', text: t('指标支持：今天/昨天/本周/上周/本月/上月/近N天/日期范围，加「按渠道」分渠道看。', 'Periods: today, yesterday, this/last week, this/last month, last N days, or a date range; add "by channel" for a breakdown.') });
      return { lang: ctx.lang, blocks };
    },
  });
