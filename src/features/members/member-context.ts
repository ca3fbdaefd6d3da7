import { evaluateMembers, type MemberEvaluation } from '../../domain/members/member-evaluation.ts';
import type { MemberLinks } from '../../domain/members/member-links.ts';
import { SEGMENT_INFO, type Segment } from '../../domain/members/rfm.ts';
import { TIER_NAMES, type Tier, type TierBook } from '../../domain/members/tiers.ts';
import type { MemberRules } from '../../domain/playbook/members.ts';
import { maskText } from '../../domain/privacy/mask.ts';
import type { Lang } from '../../chat/lang.ts';
import type { Block } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';

// What the member commands share: the rules, today's store day, the stored tiers and links,
// one evaluation of every customer, and names in the asker's language.

export interface MemberWorld {
  rules: MemberRules;
  today: number;
  tiers: TierBook;
  links: MemberLinks;
  evaluation: MemberEvaluation;
}

export async function memberWorld(services: Services, today?: number): Promise<MemberWorld> {
  const rules = services.playbook.members;
  const day = today ?? services.calendar.dayOf(services.clock.now().getTime());
  const [tiers, links] = await Promise.all([services.books.tiers(), services.books.memberLinks()]);
  const evaluation = evaluateMembers(services.data, day, rules, tiers.codes(services.data.book), tiers.lastReview());
  return { rules, today: day, tiers, links, evaluation };
}

export const tierName = (t: Tier, lang: Lang) => TIER_NAMES[t][lang];
export const segmentName = (s: Segment, lang: Lang) => (lang === 'zh' ? SEGMENT_INFO[s].zh : SEGMENT_INFO[s].en);
export const segmentPlay = (s: Segment, lang: Lang) => (lang === 'zh' ? SEGMENT_INFO[s].playZh : SEGMENT_INFO[s].playEn);

/** In a group, phones, e-mails, addresses and the given names are masked in every text block. */
export const maskForGroupText = (s: string, names: string[] = []) => maskText(s, names);

export function maskForGroup(blocks: Block[], direct: boolean, names: string[] = []): Block[] {
  if (direct) return blocks;
  const mask = (s: string) => maskForGroupText(s, names);
  return blocks.map((b) => {
    if (b.type === 'text' || b.type === 'context') return { ...b, text: mask(b.text) };
    if (b.type === 'table') return { ...b, rows: b.rows.map((r) => r.map(mask)) };
    if (b.type === 'figures') return { ...b, items: b.items.map((i) => ({ ...i, value: mask(i.value) })) };
    return b;
  });
}
