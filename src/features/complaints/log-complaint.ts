import { threadOf } from '../../bot/notices.ts';
import { z } from 'zod';
import { say } from '../../chat/lang.ts';
import { text, type Reply } from '../../chat/reply.ts';
import { roleName } from '../../bot/role-names.ts';
import type { CommandContext } from '../../bot/spec.ts';
import { complaintDesk, deskProblem, requireRole, showsFullRecord, WORKERS } from './complaint-access.ts';
import { deadlineLines } from './complaint-card.ts';
import { channelLabel, reasonOf, severityName, shield, who } from './complaint-words.ts';
import type { ComplaintWords } from './read-complaint.ts';

export const NEW_EXAMPLE = { zh: '投诉 订单 TB20261101-88 瓶子破损漏液，客户说要找12315', en: 'complaint new order TB20261101-88 bottle arrived broken and leaking, customer mentions 12315' };

export const complaintWords = z.object({
  // Empty text is refused by the desk, in the asker's language.
  text: z.string().trim().max(2000, 'at most 2000 characters').default(''),
  order: z.string().max(40).optional(),
  customer: z.string().max(60).optional(),
  channel: z.string().max(30).optional(),
});

/** Logs a complaint and answers in its thread with the severity, the reason and the deadlines. */
export async function logComplaint(ctx: CommandContext, words: ComplaintWords): Promise<Reply> {
  requireRole(ctx, WORKERS, NEW_EXAMPLE);
  const { incoming, services, lang } = ctx;
  const t = say(lang);
  const desk = await complaintDesk(services);
  let c;
  try {
    c = await desk.log({ ...words, user: incoming.user, platform: incoming.platform, ...threadOf(incoming), direct: incoming.direct, lang: ctx.lang });
  } catch (err) {
    throw deskProblem(err, NEW_EXAMPLE);
  }
  const mask = shield(c, showsFullRecord(ctx));
  const facts = [c.order && t(`订单 ${c.order}`, `order ${c.order}`), c.customer && t(`客户 ${mask(c.customer)}`, `customer ${mask(c.customer)}`), t(`渠道 ${channelLabel(c, 'zh')}`, `channel ${channelLabel(c, 'en')}`)].filter(Boolean).join(' · ');
  return {
    lang,
    blocks: [
      text(t(`已登记投诉 #${c.id}：${severityName(c.severity, 'zh')}`, `Logged complaint #${c.id}: ${severityName(c.severity, 'en')}`), 'heading'),
      text(mask(c.text)),
      { type: 'context', text: `${t('定级原因：', 'Why: ')}${reasonOf(c, lang, who)} · ${facts}` },
      text(deadlineLines(c, lang, services.calendar).join('\n')),
      text(t(`在本话题里处理：受理 ${c.id} · 备注 ${c.id} … · 等待 ${c.id} · 解决 ${c.id} …（主管可「定级 ${c.id} 严重」）。超时将依次升级：客服 → ${roleName('cs_lead', 'zh')} → ${roleName('ops_manager', 'zh')}${c.severity === 'serious' ? ` → ${roleName('brand_pr', 'zh')}` : ''}。`, `Work it in this thread: ack ${c.id} · note ${c.id} … · waiting ${c.id} · resolve ${c.id} … (a cs lead may "severity ${c.id} serious"). Missed deadlines escalate: agent → cs lead → ops manager${c.severity === 'serious' ? ' → brand / PR' : ''}.`), 'muted'),
    ],
    summary: t(`投诉 #${c.id} 已登记（${severityName(c.severity, 'zh')}）`, `Complaint #${c.id} logged (${severityName(c.severity, 'en')})`),
    data: { complaint: c.id, severity: c.severity, category: c.category ?? null, keyword: c.keyword ?? null, order: c.order ?? null, channel: c.channel ?? null, deadlines: c.deadlines, thread: c.thread ?? null },
  };
}
