import type { Calendar } from '../../domain/calendar.ts';
import { LEVELS, type Complaint } from '../../domain/complaints/complaint.ts';
import type { Lang } from '../../chat/lang.ts';
import { say } from '../../chat/lang.ts';
import { text, type Block } from '../../chat/reply.ts';
import { roleName } from '../../bot/role-names.ts';
import { channelLabel, reasonOf, severityName, shield, statusName, stepName, who } from './complaint-words.ts';

// One complaint as people read it: its facts, why it has its severity, its deadlines and
// (when asked for) its timeline. Customer details are masked unless `full`.

export interface CardOptions {
  lang: Lang;
  full: boolean;
  calendar: Calendar;
  timeline?: boolean;
}

export const levelOf = (c: Complaint) => LEVELS[Math.min(c.escalations.length, LEVELS.length - 1)];

export function deadlineLines(c: Complaint, lang: Lang, calendar: Calendar): string[] {
  const t = say(lang);
  const at = (iso: string) => calendar.formatTime(Date.parse(iso));
  const lines: string[] = [];
  if (c.status === 'resolved') return lines;
  if (c.status === 'waiting') lines.push(t('等待客户回复中：计时已暂停，下一步操作即恢复。', 'Waiting on the customer: clocks paused until the next step.'));
  if (c.deadlines.firstResponse) lines.push(t(`首次响应截止：${at(c.deadlines.firstResponse)}`, `First response due: ${at(c.deadlines.firstResponse)}`));
  if (c.deadlines.resolution) lines.push(t(`解决截止：${at(c.deadlines.resolution)}`, `Resolution due: ${at(c.deadlines.resolution)}`));
  if (c.deadlines.next) {
    const next = LEVELS[Math.min(c.escalations.length + 1, LEVELS.length - 1)];
    lines.push(t(`逾期将于 ${at(c.deadlines.next)} 升级至${roleName(next, 'zh')}`, `If missed, escalates to ${roleName(next, 'en')} at ${at(c.deadlines.next)}`));
  }
  return lines;
}

export function complaintCard(c: Complaint, o: CardOptions): Block[] {
  const t = say(o.lang);
  const mask = shield(c, o.full);
  const blocks: Block[] = [
    text(t(`投诉 #${c.id} · ${severityName(c.severity, 'zh')} · ${statusName(c.status, 'zh')}`, `Complaint #${c.id} · ${severityName(c.severity, 'en')} · ${statusName(c.status, 'en')}`), 'heading'),
    text(mask(c.text)),
  ];
  const facts: string[][] = [
    [t('定级原因', 'Why'), reasonOf(c, o.lang, who)],
    [t('当前层级', 'Level'), roleName(levelOf(c), o.lang)],
  ];
  if (c.order) facts.push([t('订单', 'Order'), c.order]);
  if (c.customer) facts.push([t('客户', 'Customer'), mask(c.customer)]);
  facts.push([t('渠道', 'Channel'), channelLabel(c, o.lang)]);
  facts.push([t('登记', 'Logged'), `${o.calendar.formatTime(Date.parse(c.createdAt))} ${who(c.createdBy)}`]);
  if (c.ackBy) facts.push([t('受理人', 'Owner'), who(c.ackBy)]);
  if (c.resolution) facts.push([t('处理结果', 'Resolution'), mask(c.resolution)]);
  blocks.push(text(facts.map(([label, value]) => `${label}${t('：', ': ')}${value}`).join('\n')));
  const lines = deadlineLines(c, o.lang, o.calendar);
  if (lines.length) blocks.push(text(lines.join('\n'), c.escalations.length ? 'warning' : 'normal'));
  if (o.timeline) {
    blocks.push({
      type: 'table',
      columns: [{ title: t('时间', 'When'), align: 'left' }, { title: t('谁', 'Who'), align: 'left' }, { title: t('步骤', 'Step'), align: 'left' }, { title: t('内容', 'Details'), align: 'left' }],
      rows: c.timeline.map((e) => [
        o.calendar.formatTime(Date.parse(e.at)),
        who(e.user),
        stepName(e.kind, o.lang),
        e.kind === 'escalated' && e.text ? roleName(e.text as (typeof LEVELS)[number], o.lang) : e.kind === 'severity' && e.text ? severityName(e.text as Complaint['severity'], o.lang) : e.kind === 'logged' ? '' : mask(e.text ?? ''),
      ]),
    });
  }
  if (!o.full && (c.customer || /\d{7,}|\S@\S+\.[a-z]/i.test(c.text))) blocks.push({ type: 'context', text: t('群聊中已隐去客户信息；客服角色私聊查询可看完整记录。', 'Customer details are masked in groups; cs roles see the full record in a direct message.') });
  return blocks;
}
