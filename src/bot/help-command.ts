import { z } from 'zod';
import { say, type Lang } from '../chat/lang.ts';
import type { Registry } from './registry.ts';
import { text, type Block } from '../chat/reply.ts';
import { metricHelp } from '../features/metrics/metric-help.ts';
import { roleName } from './role-names.ts';
import { defineCommand, type CommandSpec } from './spec.ts';

// `help` / `帮助`: a short menu by area that fits a phone screen; `help complaints` /
// `帮助 投诉` lists every command of one area with an example that works as typed.

const AREAS: { id: string; name: [string, string]; words: RegExp; ids: RegExp }[] = [
  { id: 'metrics', name: ['经营数据', 'Store metrics'], words: /metric|指标|数据|gmv/i, ids: /^metric$/ },
  { id: 'watch', name: ['预警、目标与原因', 'Alerts, targets and why'], words: /alert|预警|告警|kpi|target|目标|why|为什么|原因|weekly|周报/i, ids: /^(why|alerts|target_set|kpi|weekly)$/ },
  { id: 'checklists', name: ['大促清单与例行提醒', 'Checklists and cadences'], words: /checklist|清单|cadence|节奏/i, ids: /^(checklist|cadence)/ },
  { id: 'budgets', name: ['预算与审批', 'Budgets and approvals'], words: /budget|预算|审批|approv/i, ids: /^(budget|approve|reject)/ },
  { id: 'complaints', name: ['客诉处理', 'Complaints'], words: /complain|投诉|客诉/i, ids: /^complaint/ },
  { id: 'members', name: ['会员与发券', 'Members and coupons'], words: /member|会员|coupon|券|campaign|活动|tier|等级|segment|分层/i, ids: /^(coupon|campaign|tiers|member|segments)/ },
  { id: 'team', name: ['团队、消息与日报', 'Team, outbox and brief'], words: /role|角色|team|团队|outbox|队列|brief|日报|audit|审计/i, ids: /^(whoami|grant|revoke|audit|outbox|brief|confirm|cancel)/ },
];

const visible = (registry: Registry) => registry.specs.filter((s) => !s.hidden && s.id !== 'help');

function who(spec: CommandSpec<any>, lang: Lang): string {
  if (spec.role === 'staff') return '';
  const t = say(lang);
  return t(`（需${roleName(spec.role, 'zh')}）`, ` (${roleName(spec.role, 'en')})`);
}

export const helpCommand = (registry: Registry) =>
  defineCommand({
    id: 'help',
    phrases: { zh: ['帮助', 'help', '菜单', '怎么用'], en: ['help', 'commands', '?'] },
    summary: { zh: '帮助', en: 'Help' },
    examples: { zh: ['帮助', '帮助 投诉'], en: ['help', 'help complaints'] },
    role: 'staff',
    args: z.object({ area: z.string().optional() }),
    parse: (rest) => (rest.trim() ? { area: rest.trim() } : {}),
    handle(ctx, { area }) {
      const t = say(ctx.lang);
      const lang = ctx.lang;
      const specs = visible(registry);
      const chosen = area ? AREAS.find((a) => a.words.test(area) || a.id === area.toLowerCase()) : undefined;
      // Metrics have many ways to ask: their own page lists every one.
      if (chosen?.id === 'metrics') return { lang, blocks: metricHelp(lang) };
      if (chosen) {
        const rows = specs.filter((s) => chosen.ids.test(s.id)).map((s) => [`${s.summary[lang]}${who(s, lang)}`, s.examples[lang][0] ?? '']);
        return {
          lang,
          blocks: [text(chosen.name[lang === 'zh' ? 0 : 1], 'heading'), { type: 'table', columns: [{ title: t('功能', 'What'), align: 'left' }, { title: t('例如', 'For example'), align: 'left' }], rows }],
        };
      }
      // `help budget request`: one command's own help; `help xyz`: say we have none by that name, then the menu.
      const one = area ? registry.match(area) : undefined;
      if (one && !one.spec.hidden && one.spec.id !== 'help' && !one.spec.claims) {
        const s = one.spec;
        return {
          lang,
          blocks: [text(`${s.summary[lang]}${who(s, lang)}`, 'heading'), text(`${t('例如：', 'For example:')}\n${s.examples[lang].join('\n')}`)],
        };
      }
      const blocks: Block[] = [];
      if (area) {
        const names = AREAS.map((a) => (lang === 'zh' ? `「${a.name[0]}」` : a.id)).join(t('', ', '));
        blocks.push(text(t(`没有「${area}」的帮助。可以看某一类：${names}，例如「帮助 投诉」；或某个指令，例如「帮助 预算申请」。`, `There is no help on "${area}". Try an area (${names}), e.g. "help complaints", or a command, e.g. "help budget request".`), 'warning'));
      }
      blocks.push(text(t('我能做这些（发送「帮助 投诉」等看某一类的全部指令）：', 'Here is what I can do ("help complaints" etc. lists one area in full):'), 'heading'));
      for (const a of AREAS) {
        const examples = specs.filter((s) => a.ids.test(s.id)).flatMap((s) => s.examples[lang].slice(0, s.id === 'metric' ? 3 : 1)).slice(0, 4);
        if (examples.length) blocks.push(text(`${a.name[lang === 'zh' ? 0 : 1]}${t('：', ': ')}${examples.join(t('　', ' · '))}`));
      }
      blocks.push({ type: 'context', text: t('指标支持：今天/昨天/本周/上周/本月/上月/近N天/日期范围，加「按渠道」分渠道看；发送「帮助 经营数据」看全部指标、问法、对比和趋势。', 'Periods: today, yesterday, this/last week, this/last month, last N days, or a date range; add "by channel" for a breakdown. "help metrics" lists every metric, period, comparison and trend.') });
      return { lang, blocks };
    },
  });
