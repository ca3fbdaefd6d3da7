import { z } from 'zod';
import { formatDay } from '../../domain/calendar.ts';
import { SEGMENTS, segmentSizes } from '../../domain/members/rfm.ts';
import { formatMoney } from '../shared/format.ts';
import { say } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { memberWorld, segmentName, segmentPlay } from './member-context.ts';
import { count, signedCount } from '../shared/counts.ts';

// `segments` / `会员分层`: RFM segment sizes, revenue share and change since the last run,
// as a table and a chart. Each run is stored so the next one can show the change.

const signed = signedCount;

export const segmentsCommand = defineCommand({
  id: 'segments',
  phrases: { zh: ['会员分层', 'RFM分层'], en: ['segments', 'rfm segments'] },
  summary: { zh: '会员RFM分层：人数、收入占比、较上次变化', en: 'RFM segments: sizes, revenue share, change since last run' },
  examples: { zh: ['会员分层'], en: ['segments'] },
  role: 'staff',
  args: z.object({}),
  parse: () => ({}),
  async handle(ctx) {
    const { services, lang } = ctx;
    const t = say(lang);
    const w = await memberWorld(services);
    const sizes = segmentSizes(w.evaluation.rfm, w.evaluation.stats);
    const history = await services.books.segmentHistory();
    const previous = await history.record({ at: services.clock.now().toISOString(), day: formatDay(w.today), sizes });
    const total = SEGMENTS.reduce((s, k) => s + sizes[k].revenue, 0);
    const share = (v: number) => (total > 0 ? `${((v / total) * 100).toFixed(1)}%` : '—');
    const shown = SEGMENTS.filter((s) => s !== 'no_purchase' || sizes[s].customers > 0);
    const rows = shown.map((s) => [segmentName(s, lang), count(sizes[s].customers), share(sizes[s].revenue), previous ? signed(sizes[s].customers - (previous.sizes[s]?.customers ?? 0)) : '—', segmentPlay(s, lang)]);
    const cuts = w.evaluation.rfm.cuts;
    return {
      lang,
      blocks: [
        text(t(`会员分层（${formatDay(w.today)}，近${w.rules.rfm.windowDays}天）`, `Member segments (${formatDay(w.today)}, last ${w.rules.rfm.windowDays} days)`), 'heading'),
        { type: 'table', columns: [{ title: t('分层', 'Segment'), align: 'left' }, { title: t('人数', 'Members'), align: 'right' }, { title: t('收入占比', 'Revenue share'), align: 'right' }, { title: previous ? t(`较 ${previous.day}`, `vs ${previous.day}`) : t('变化', 'Change'), align: 'right' }, { title: t('建议动作', 'Play'), align: 'left' }], rows },
        { type: 'chart', kind: 'bar', title: t('各分层人数', 'Members per segment'), valueKind: 'count', points: shown.map((s) => ({ label: segmentName(s, lang), value: sizes[s].customers, display: count(sizes[s].customers), ...(previous ? { change: signed(sizes[s].customers - (previous.sizes[s]?.customers ?? 0)) } : {}) })) },
        { type: 'context', text: t(`收入合计 ${formatMoney(total, services.store.currency, lang)}；F 分界 ${cuts.f.join('/')} 单，M 分界 ${cuts.m.map((v) => formatMoney(v, services.store.currency, lang)).join('/')}。`, `Revenue ${formatMoney(total, services.store.currency, lang)}; F cuts ${cuts.f.join('/')} orders, M cuts ${cuts.m.map((v) => formatMoney(v, services.store.currency, lang)).join('/')}.`) + (previous ? '' : t(' 首次运行，下次可看到变化。', ' First run: the next one shows the change.')) },
      ],
      data: { day: formatDay(w.today), sizes, previous: previous?.day ?? null, revenueTotal: total },
    };
  },
});
