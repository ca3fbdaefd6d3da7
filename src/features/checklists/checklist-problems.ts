import { ChecklistError } from '../../domain/checklists/checklist-book.ts';
import { formatDay } from '../../domain/calendar.ts';
import { problem } from '../../bot/errors.ts';

/** Turns a checklist rule the user ran into into a clear answer with an example. */
export function checklistProblem(err: unknown): unknown {
  if (!(err instanceof ChecklistError)) return err;
  const no = err.item?.no;
  switch (err.code) {
    case 'unknown_item':
      return problem('unknown_item', '没有这个事项编号。发送「清单」查看编号。', 'There is no item with that number. Send "checklist" to see the numbers.', { zh: '完成 4', en: 'done 4' });
    case 'other_conversation':
      return problem('other_conversation', `#${no} 属于另一个会话里的「${err.checklist?.name.zh}」清单，请在那里操作。`, `#${no} belongs to the "${err.checklist?.name.en}" checklist of another conversation; tick it there.`);
    case 'not_open':
      return problem('not_open', `#${no} 已经${err.item?.status === 'done' ? '完成' : '跳过'}了，无需再操作。`, `#${no} is already ${err.item?.status}; nothing to do.`);
    case 'not_owner':
      return problem('not_owner', `#${no} 由负责人或运营经理处理。`, `#${no} is for its owner or an operations manager to tick.`);
    case 'event_in_past':
      return problem('event_in_past', '活动日期已经过去了，请给一个今天或以后的日期。', 'That event date is in the past; give today or a later date.', { zh: '启动清单 双11 2027-11-11', en: 'checklist start double11 2027-11-11' });
    case 'already_running':
      return problem('already_running', `这个会话已经有 ${formatDay(err.checklist!.eventDay)} 的「${err.checklist!.name.zh}」清单了，发送「清单」查看。`, `This conversation already runs the "${err.checklist!.name.en}" checklist for ${formatDay(err.checklist!.eventDay)}; send "checklist" to see it.`);
  }
}
