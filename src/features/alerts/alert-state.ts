import type { DocStore } from '../../domain/ports.ts';
import type { Lang } from '../../chat/lang.ts';

// Which conversations get alerts, which alerts were acknowledged (who, when) and which
// rules a conversation muted until when. One document: `alerts/state`.

export interface AlertSubscription {
  conversation: string;
  thread?: string;
  lang: Lang;
  /** UTC ISO: alerts about days before this are not sent. */
  since: string;
  by: string;
}

export interface AlertStateDoc {
  subs: Record<string, AlertSubscription>;
  /** By alert key (rule:channel:day). */
  acks: Record<string, { by: string; at: string }>;
  /** By `conversation|rule|channel` → UTC ISO until. */
  mutes: Record<string, string>;
}

export const openAlertState = (docs: DocStore) => docs.open<AlertStateDoc>('alerts/state', { subs: {}, acks: {}, mutes: {} });

export const muteKey = (conversation: string, rule: string, channel?: string) => `${conversation}|${rule}|${channel ?? '*'}`;
