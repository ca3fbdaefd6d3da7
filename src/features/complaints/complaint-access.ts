import { DeskError, type ComplaintDesk } from '../../domain/complaints/complaint-desk.ts';
import type { Role } from '../../domain/roles.ts';
import { BotError, problem } from '../../bot/errors.ts';
import type { Bilingual } from '../../chat/lang.ts';
import { roleName } from '../../bot/role-names.ts';
import type { Services } from '../../bot/services.ts';
import type { CommandContext } from '../../bot/spec.ts';

// Who may work complaints, the one desk per running bot, and the wording of desk refusals.

/** cs_agent and up may log and work a complaint; cs_lead and up may reopen or re-grade one. */
export const WORKERS: Role[] = ['cs_agent', 'cs_lead', 'ops_manager', 'admin'];
export const LEADS: Role[] = ['cs_lead', 'ops_manager', 'admin'];

/** The one desk per running bot (services.books opens it once). */
export const complaintDesk = (services: Services): Promise<ComplaintDesk> => services.books.complaints();

export const isWorker = (roles: Role[]) => roles.some((r) => WORKERS.includes(r));

/** Throws a polite refusal unless the user holds one of `allowed`. */
export function requireRole(ctx: CommandContext, allowed: Role[], example: Bilingual): void {
  if (ctx.roles.some((r) => allowed.includes(r))) return;
  const need = allowed[0];
  throw problem('forbidden', `这个操作需要「${roleName(need, 'zh')}」或更高角色（${need}）。请管理员用 grant 授权。`, `This needs the ${roleName(need, 'en')} role (${need}) or higher. Ask an admin to grant it.`, example);
}

/** Customer details stay masked unless a cs role reads them in a direct conversation. */
export const showsFullRecord = (ctx: CommandContext) => ctx.incoming.direct && isWorker(ctx.roles);

/** The id in `31`, `#31` or `＃31`, or undefined. */
export function readId(text: string): number | undefined {
  const m = /^#?(\d{1,9})(?=\s|$)/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

export function deskProblem(err: unknown, example: Bilingual): BotError | unknown {
  if (!(err instanceof DeskError)) return err;
  const n = err.id ? `#${err.id}` : '';
  switch (err.code) {
    case 'unknown':
      return problem('complaint_unknown', `没有投诉 ${n}。发送「投诉列表」查看未结的投诉。`, `There is no complaint ${n}. Send "complaints" to see the open ones.`, example);
    case 'resolved':
      return problem('complaint_resolved', `投诉 ${n} 已经解决，没有改动。需要继续处理请主管先「重开 ${err.id}」。`, `Complaint ${n} is already resolved; nothing changed. A cs lead can "reopen ${err.id}" first.`, example);
    case 'not_resolved':
      return problem('complaint_not_resolved', `投诉 ${n} 还没解决，不需要重开。`, `Complaint ${n} is not resolved, so there is nothing to reopen.`, example);
    case 'empty':
      return problem('complaint_empty', '内容是空的：请写上投诉内容（或处理结果）。', 'The text is empty: write what the complaint is about (or how it was resolved).', example);
    case 'same_severity':
      return problem('complaint_same_severity', `投诉 ${n} 已经是这个级别，没有改动。`, `Complaint ${n} already has that severity; nothing changed.`, example);
    case 'already_acked':
      return problem('complaint_already_acked', `投诉 ${n} 已经受理过了。`, `Complaint ${n} was already acknowledged.`, example);
    case 'already_waiting':
      return problem('complaint_already_waiting', `投诉 ${n} 已经在等待客户回复，计时已暂停。`, `Complaint ${n} is already waiting on the customer; its clocks are paused.`, example);
  }
}
