import { z } from 'zod';
import type { AuditEntry } from '../../domain/audit.ts';
import { isRole } from '../../domain/roles.ts';
import { say, type Lang } from '../../chat/lang.ts';
import { roleName } from '../../bot/role-names.ts';
import { text, type Block } from '../../chat/reply.ts';
import { defineCommand } from '../../bot/spec.ts';

/** `audit` / `审计` [kind] [N]: the latest audit entries, e.g. `audit role`, `审计 budget 50`. ops_manager and admin. */
export const auditCommand = defineCommand({
  id: 'audit',
  phrases: { zh: ['审计', '审计日志', '操作记录'], en: ['audit', 'audit log'] },
  summary: { zh: '审计日志', en: 'Audit log' },
  examples: { zh: ['审计', '审计 role'], en: ['audit', 'audit role 50'] },
  role: 'ops_manager',
  args: z.object({ kind: z.string().regex(/^[a-z_][a-z0-9_.]*$/, 'a kind like role or budget.approve').optional(), limit: z.number().int().min(1, 'at least 1').max(200, 'at most 200') }),
  parse(rest) {
    const words = rest.split(/\s+/).filter(Boolean);
    const n = words.find((w) => /^\d+$/.test(w));
    const kind = words.find((w) => !/^\d+$/.test(w));
    return { ...(kind ? { kind: kind.toLowerCase() } : {}), limit: n ? Number(n) : 20 };
  },
  handle(ctx, a) {
    const t = say(ctx.lang);
    const entries = ctx.services.audit.latest(a.limit, a.kind);
    const blocks: Block[] = [text(t(`审计日志${a.kind ? ` · ${a.kind}` : ''}（最近 ${entries.length} 条）`, `Audit log${a.kind ? ` · ${a.kind}` : ''} (latest ${entries.length})`), 'heading')];
    if (entries.length === 0) blocks.push(text(t('还没有记录。', 'Nothing recorded yet.'), 'muted'));
    else
      blocks.push({
        type: 'table',
        columns: [t('时间', 'When'), t('类型', 'Kind'), t('操作人', 'Who'), t('内容', 'What'), t('会话', 'Where')].map((title) => ({ title, align: 'left' as const })),
        rows: entries.map((e) => [ctx.services.calendar.formatTime(Date.parse(e.at)), e.kind, e.user, auditText(e, ctx.lang), e.conversation ?? '']),
      });
    blocks.push({ type: 'context', text: t(`时区 ${ctx.services.store.timeZone}`, `${ctx.services.store.timeZone} time`) });
    return { lang: ctx.lang, blocks, data: { entries } };
  },
});

/** The engine's own kinds in the asker's language (from `data`); other kinds show their English summary. */
function auditText(e: AuditEntry, lang: Lang): string {
  if (lang === 'en') return e.summary;
  const d = (e.data ?? {}) as { target?: string; role?: string; id?: number; was?: string; time?: string };
  const role = d.role && isRole(d.role) ? `${roleName(d.role, 'zh')} (${d.role})` : d.role;
  switch (e.kind) {
    case 'role.grant':
      return `授予 ${d.target}「${role}」`;
    case 'role.revoke':
      return `撤销 ${d.target} 的「${role}」`;
    case 'outbox.retry':
      return `重发 #${d.id}（原状态 ${d.was}）`;
    case 'brief.on':
      return `开启每日简报 ${d.time}`;
    case 'brief.off':
      return '关闭每日简报';
    default:
      return e.summary;
  }
}
