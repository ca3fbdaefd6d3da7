import type { Day } from '../../domain/calendar.ts';
import type { Breakdown, Metric } from '../../domain/metrics/metric.ts';
import type { CompareKind, Grain } from '../../domain/periods.ts';
import type { Bilingual } from '../../chat/lang.ts';

// What each word of a metric question stands for. The vocabulary files turn
// words into parts; question.ts puts the parts together into one reading.

export interface PeriodPart {
  kind: 'period';
  from: Day;
  to: Day;
  /** How the answer names it (上周五 / last Friday); dates alone need no name. */
  name?: Bilingual;
  /** A bare weekday (周三) after a range word takes the week of the day before it. */
  weekday?: number;
  /** today / yesterday / this_week …: kept so the period keeps its own comparison rules. */
  named?: 'today' | 'yesterday' | 'this_week' | 'last_week' | 'this_month' | 'last_month' | 'last_days' | 'month';
  n?: number;
}

export type Part =
  | { kind: 'metric'; metric: Metric; limit?: number }
  | PeriodPart
  | { kind: 'channel'; id: string }
  /** The bare word "channel" / 渠道: a breakdown, unless a channel is named. */
  | { kind: 'channel_word' }
  | { kind: 'by'; by: Breakdown }
  | { kind: 'trend'; grain: Grain }
  | { kind: 'compare'; compare: Exclude<CompareKind, 'custom'> }
  /** vs / 对比 / 和…比: a period after it is the comparison. */
  | { kind: 'vs' }
  /** to / 至 / 到: joins two periods into a range. */
  | { kind: 'to' }
  | { kind: 'filler' };

export const bi = (zh: string, en: string): Bilingual => ({ zh, en });
