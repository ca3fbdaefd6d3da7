import { z } from 'zod';
import { campaignFigures } from '../../domain/campaigns/campaign-report.ts';
import { runsOf, SKIP_REASONS } from '../../domain/campaigns/campaign-run.ts';
import { problem } from '../../bot/errors.ts';
import { formatMoney } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { text } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';
import { findCampaign } from './campaign-commands.ts';
import { pct, skipText } from './campaign-text.ts';
import { count, plural } from '../shared/counts.ts';

// `campaign report 12` / `活动报表 12`: delivery, redemptions from imported orders, GMV,
// cost, ROI, and the repurchase rate of pushed members against the holdout.

const EX = { zh: '活动报表 1', en: 'campaign report 1' };

export const campaignReportCommand = defineCommand({
  id: 'campaign.report',
  phrases: { zh: ['活动报表', '活动 报表'], en: ['campaign report'] },
  summary: { zh: '发券活动效果', en: 'Coupon campaign results' },
  examples: { zh: [EX.zh], en: [EX.en] },
  role: 'staff',
  args: z.object({ id: z.number().int().positive() }),
  parse: (rest) => {
    const m = /^#?(\d+)$/.exec(rest.trim());
    if (!m) throw problem('bad_campaign_id', '请写活动编号', 'Give the campaign number', EX);
    return { id: Number(m[1]) };
  },
  async handle(ctx, a) {
    const { services, lang } = ctx;
    const t = say(lang);
    const { c } = await findCampaign(services, a.id);
    const runs = await runsOf(services.docs, c.id);
    const f = campaignFigures(c, runs, services.data, services.outboxStore, services.clock.now().getTime());
    const m = (v: number) => formatMoney(v, services.store.currency, lang);
    const skipped = SKIP_REASONS.map((r) => `${skipText(r, lang)} ${count(f.skipped[r])}`).join(t('，', ', '));
    const lift = f.pushedRepurchase.rate - f.holdoutRepurchase.rate;
    return {
      lang,
      blocks: [
        text(t(`活动 #${c.id}「${c.coupon.name}」效果（${count(runs.length)} 场）`, `Campaign #${c.id} "${c.coupon.name}" results (${plural(runs.length, 'run')})`), 'heading'),
        {
          type: 'figures',
          items: [
            { label: t('已发送', 'Sent'), value: count(f.sent) },
            { label: t('排队中', 'Queued'), value: count(f.queued) },
            { label: t('发送失败', 'Failed'), value: count(f.failed) },
            { label: t('已核销', 'Redeemed'), value: count(f.redeemed) },
            { label: t('核销率', 'Redemption rate'), value: pct(f.redemptionRate) },
            { label: t('核销订单 GMV', 'GMV of redeeming orders'), value: m(f.gmv) },
            { label: t('券成本', 'Coupon cost'), value: m(f.cost) },
            { label: 'ROI', value: f.roi === null ? '—' : f.roi.toFixed(2) },
          ],
        },
        text(t(`人群 ${count(f.audience)}，跳过：${skipped}；对照组 ${count(f.holdout)}。`, `Audience ${count(f.audience)}; skipped: ${skipped}; holdout ${count(f.holdout)}.`)),
        // Nobody pushed means no rate to compare: say so rather than show 0/0 and a lift of 0.0.
        f.pushedRepurchase.members === 0
          ? text(t('还没有人收到这张券，暂无复购对比。', 'Nobody has been pushed this coupon yet, so there is no repurchase comparison.'), 'muted')
          : text(
              t(
                `复购率（券有效期内）：推送组 ${pct(f.pushedRepurchase.rate)}（${count(f.pushedRepurchase.bought)}/${count(f.pushedRepurchase.members)}），对照组 ${ratio(f.holdoutRepurchase, lang)}，差 ${f.holdoutRepurchase.members === 0 ? '—' : `${(lift * 100).toFixed(1)} 个百分点`}。`,
                `Repurchase within the coupon window: pushed ${pct(f.pushedRepurchase.rate)} (${count(f.pushedRepurchase.bought)}/${count(f.pushedRepurchase.members)}) vs holdout ${ratio(f.holdoutRepurchase, lang)}${f.holdoutRepurchase.members === 0 ? '' : `, a lift of ${(lift * 100).toFixed(1)} points`}.`,
              ),
            ),
      ],
      data: { campaign: c.id, ...f },
    };
  },
});

/** `12.5% (3/24)`, or "nobody" when the group is empty (a holdout of a tiny audience). */
function ratio(g: { rate: number; bought: number; members: number }, lang: Lang): string {
  if (g.members === 0) return say(lang)('无人（对照组为空）', 'nobody (empty holdout)');
  return lang === 'zh' ? `${pct(g.rate)}（${count(g.bought)}/${count(g.members)}）` : `${pct(g.rate)} (${count(g.bought)}/${count(g.members)})`;
}
