import { z } from 'zod';
import type { Campaign, CampaignStatus } from '../../domain/campaigns/campaign.ts';
import type { CampaignBook } from '../../domain/campaigns/campaign-book.ts';
import { runsOf } from '../../domain/campaigns/campaign-run.ts';
import { nextSlot } from '../../domain/campaigns/schedule.ts';
import { problem } from '../../bot/errors.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { text, type Reply } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';
import { defineCommand } from '../../bot/spec.ts';
import { settleApprovals } from './campaign-approval.ts';
import { campaignLine, couponText, statusText } from './campaign-text.ts';
import { count, plural } from '../shared/counts.ts';

// `campaigns` / `活动列表`, `campaign 12` / `活动 12`, `campaign pause|resume|cancel 12` / `活动 暂停 12`.

const idArgs = z.object({ id: z.number().int().positive() });
const readId = (example: { zh: string; en: string }) => (rest: string) => {
  const m = /^#?(\d+)$/.exec(rest.trim());
  if (!m) throw problem('bad_campaign_id', '请写活动编号', 'Give the campaign number', example);
  return { id: Number(m[1]) };
};

export async function findCampaign(services: Services, id: number): Promise<{ book: CampaignBook; c: Campaign }> {
  const book = await settleApprovals(services);
  const c = book.get(id);
  if (!c) throw problem('unknown_campaign', `没有活动 #${id}，发「活动列表」查看`, `There is no campaign #${id}; send "campaigns" to list them`, { zh: '活动列表', en: 'campaigns' });
  return { book, c };
}

export const campaignsCommand = defineCommand({
  id: 'campaigns.list',
  phrases: { zh: ['活动列表', '发券活动'], en: ['campaigns'] },
  summary: { zh: '发券活动列表', en: 'List coupon campaigns' },
  examples: { zh: ['活动列表'], en: ['campaigns'] },
  role: 'staff',
  args: z.object({}),
  parse: () => ({}),
  async handle(ctx) {
    const t = say(ctx.lang);
    const book = await settleApprovals(ctx.services);
    const list = [...book.all()].reverse();
    if (list.length === 0) return { lang: ctx.lang, blocks: [text(t('还没有发券活动。', 'No coupon campaigns yet.'))], data: { campaigns: [] } };
    return {
      lang: ctx.lang,
      blocks: [text(t(`发券活动（${list.length}）`, `Coupon campaigns (${count(list.length)})`), 'heading'), ...list.slice(0, 20).map((c) => text(campaignLine(c, ctx.lang, ctx.services.calendar)))],
      data: { campaigns: list.map((c) => ({ id: c.id, name: c.coupon.name, status: c.status })) },
    };
  },
});

async function card(services: Services, c: Campaign, lang: Lang): Promise<Reply> {
  const t = say(lang);
  const runs = await runsOf(services.docs, c.id);
  const pushed = runs.reduce((n, r) => n + r.codes.length, 0);
  const next = nextSlot(c, services.clock.now().getTime(), services.calendar);
  return {
    lang,
    blocks: [
      text(campaignLine(c, lang, services.calendar), 'heading'),
      text(couponText(c.coupon, lang, services.store.currency)),
      text(t(`已运行 ${count(runs.length)} 次，共发出 ${count(pushed)} 张券码。`, `${plural(runs.length, 'run')} so far, ${plural(pushed, 'code')} issued.`)),
      ...(next !== undefined && c.status === 'active' ? [text(t(`下次：${services.calendar.formatTime(next)}`, `Next run: ${services.calendar.formatTime(next)}`), 'muted')] : []),
    ],
    data: { campaign: c, runs: runs.length, issued: pushed },
  };
}

export const campaignCommand = defineCommand({
  id: 'campaign.show',
  // `活动 12` with the space (or `活动#12`): a bare 活动 prefix would take questions like 活动GMV多少.
  phrases: { zh: ['活动 ', '活动#'], en: ['campaign'] },
  summary: { zh: '查看一个发券活动', en: 'Show a coupon campaign' },
  examples: { zh: ['活动 1'], en: ['campaign 1'] },
  role: 'staff',
  args: idArgs,
  parse: readId({ zh: '活动 1', en: 'campaign 1' }),
  async handle(ctx, a) {
    const { c } = await findCampaign(ctx.services, a.id);
    return card(ctx.services, c, ctx.lang);
  },
});

function statusCommand(action: 'pause' | 'resume' | 'cancel', to: CampaignStatus, zh: string[], zhName: string) {
  const ex = { zh: `${zh[0]} 1`, en: `campaign ${action} 1` };
  return defineCommand({
    id: `campaign.${action}`,
    phrases: { zh, en: [`campaign ${action}`] },
    summary: { zh: `${zhName}发券活动`, en: `${action[0].toUpperCase()}${action.slice(1)} a coupon campaign` },
    examples: { zh: [ex.zh], en: [ex.en] },
    role: 'community',
    args: idArgs,
    parse: readId(ex),
    async handle(ctx, a) {
      const t = say(ctx.lang);
      const { book, c } = await findCampaign(ctx.services, a.id);
      const now = ctx.services.clock.now();
      const from = c.status;
      if (!book.setStatus(c, to, ctx.incoming.user, now)) {
        throw problem('bad_status', `活动 #${c.id} 现在${statusText(from, 'zh')}，不能${zhName}`, `Campaign #${c.id} is ${statusText(from, 'en')}; it cannot be ${to === 'active' ? 'resumed' : to}`, ex);
      }
      await book.save();
      await ctx.services.audit.record({ kind: `campaign.${action}`, user: ctx.incoming.user, conversation: ctx.incoming.conversation, summary: `campaign #${c.id} ${from} → ${to}`, data: { campaign: c.id } });
      const note = action === 'resume' && c.schedule.kind === 'daily' ? t('暂停期间错过的场次不补发。', 'Runs missed while paused are not made up.') : '';
      return { lang: ctx.lang, blocks: [text(t(`活动 #${c.id} 已${zhName}。${note}`, `Campaign #${c.id} is ${to === 'active' ? 'resumed' : to === 'paused' ? 'paused' : 'cancelled'}. ${note}`.trim()))], data: { campaign: c.id, status: c.status } };
    },
  });
}

export const campaignPauseCommand = statusCommand('pause', 'paused', ['活动 暂停', '暂停活动'], '暂停');
export const campaignResumeCommand = statusCommand('resume', 'active', ['活动 恢复', '恢复活动'], '恢复');
export const campaignCancelCommand = statusCommand('cancel', 'cancelled', ['活动 取消', '取消活动'], '取消');
