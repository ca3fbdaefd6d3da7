import type { DamagedDocument } from '../domain/damaged-document.ts';
import { safetyOf } from '../domain/document-safety.ts';
import type { OrdersState } from '../domain/orders/order-store.ts';
import { say, type Lang } from '../chat/lang.ts';
import { text, type Reply } from '../chat/reply.ts';

// What the bot says when data it needs was found damaged at start or on use: which data,
// which file, where the damaged copy is, and that the README says how to recover.

/** The answer to a command refused because a document it needs is damaged. */
export function damagedReply(lang: Lang, d: DamagedDocument): Reply {
  const t = say(lang);
  const what = safetyOf(d.name).what;
  const aside = d.aside ? t(`，损坏的文件已另存为 ${d.aside}`, `; the damaged file was kept as ${d.aside}`) : '';
  return {
    lang,
    blocks: [
      text(t(`${what.zh}暂不可用：数据文件 ${d.file} 已损坏（${problemZh(d.problem)}）${aside}。`, `The ${what.en} are unavailable: the data file ${d.file} is damaged (${d.problem})${aside}.`), 'warning'),
      text(t('为避免重复或错误操作，修复前需要这些数据的操作会被拒绝。请管理员按 README「Storage → Recovery」处理。', 'Commands that need them are refused until it is repaired, so nothing is done twice or wrongly. An admin can follow README "Storage → Recovery".'), 'muted'),
    ],
    data: { error: 'damaged_data', file: d.file, aside: d.aside, problem: d.problem },
  };
}

/** The store words its problems in English (they also go to the log); the usual ones, said in Chinese. */
function problemZh(problem: string): string {
  const notJson = /^not JSON: (.*)$/.exec(problem);
  if (notJson) return `不是完整有效的 JSON：${notJson[1]}`;
  const missing = /^missing; a damaged copy was set aside earlier as (\S+)$/.exec(problem);
  if (missing) return `文件缺失，损坏的副本此前已另存为 ${missing[1]}`;
  return `内容不是应有的格式：${problem}`;
}

/** Adds a warning to an answer while some orders could not be loaded, so no figure passes for whole. */
export function withDataWarning(reply: Reply, orders: OrdersState, lang: Lang): Reply {
  const t = say(lang);
  if (orders.blocked) {
    const f = orders.blocked.file;
    return { ...reply, blocks: [...reply.blocks, text(t(`订单数据不可用（${f} 已损坏），所有订单数字都不完整，导入已暂停。`, `Order data is unavailable (${f} is damaged): every order figure is incomplete, and imports are refused.`), 'warning')] };
  }
  if (orders.missingMonths.length === 0) return reply;
  const months = orders.missingMonths.map((m) => m.month).join(', ');
  return { ...reply, blocks: [...reply.blocks, text(t(`${months} 的订单文件已损坏并被移开，涉及这些月份的数字偏少；重新导入这些月份的订单即可补回。`, `The order files of ${months} were damaged and set aside: figures covering those months are short until their orders are re-imported.`), 'warning')] };
}
