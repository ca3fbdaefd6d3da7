import { say, type Lang } from '../../chat/lang.ts';
import { replyOf, text, type Reply } from '../../chat/reply.ts';
import type { Card } from './choice-book.ts';

// What the adapter itself says about typed choice replies it cannot act on.

export const staleChoice = (lang: Lang, ref: string): Reply =>
  replyOf(lang, text(say(lang)(`#${ref} 已过期，不再受理。请重新发起，或发送「帮助」。`, `#${ref} has expired and can no longer be answered. Please ask again, or send "help".`), 'warning'));

export const unknownChoice = (lang: Lang, ref: string): Reply =>
  replyOf(
    lang,
    text(say(lang)(`没有找到待回复的 #${ref}。编号只在发出它的群或私聊里有效，请核对后再回复。`, `There is no open #${ref} here. A reference only works in the room or chat where it was posted; please check it.`), 'warning'),
  );

export function noSuchChoice(card: Card): Reply {
  const t = say(card.lang);
  const options = card.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
  const example = card.choices[0] ? `${card.lang === 'en' ? card.choices[0].label.toLowerCase() : card.choices[0].label} #${card.ref}` : `1 #${card.ref}`;
  return replyOf(card.lang, text(t(`#${card.ref} 没有这个选项。可选：`, `#${card.ref} has no such option. The options are:`), 'warning'), text(options), text(t(`例如：${example}`, `For example: ${example}`), 'muted'));
}
