import type { Action } from './incoming.ts';
import type { Lang } from './lang.ts';

// A Reply is platform-neutral: adapters render it as Block Kit, Telegram HTML with
// an inline keyboard, WeChat text with numbered choices, or terminal text.

export interface Change {
  direction: 'up' | 'down' | 'flat';
  /** e.g. `+12.3%` or `-0.8pp`. */
  text: string;
  /** The previous period's value, formatted. */
  previous: string;
}

export interface Figure {
  label: string;
  value: string;
  change?: Change;
}

export interface TableColumn {
  title: string;
  align: 'left' | 'right';
}

export interface Choice {
  label: string;
  action: Action;
  style?: 'primary' | 'danger';
}

export interface ChartPoint {
  label: string;
  value: number;
  /** The value as text answers show it (¥1,234.00, 3.2%). */
  display: string;
  /** Change against the comparison, as text answers show it (+12.3%), for bars. */
  change?: string;
}

/** One KPI on its way to target: what is done, what the day's pace expects by now, and the month's target. */
export interface PacingRow {
  label: string;
  actual: number;
  expected: number;
  target: number;
  /** The three values as text answers show them. */
  display: { actual: string; expected: string; target: string };
}

/**
 * A chart: a trend line (with the comparison period drawn faintly behind it), bars by channel / SKU / segment,
 * or KPI pacing (actual vs expected by today vs target). Adapters that can show pictures render it as an image;
 * the others fall back to the table beside it (or to text bars of `points`).
 * Values are as the domain keeps them: money in minor units of `currency`, percentages as ratios (0.05 = 5%).
 */
export interface ChartBlock {
  type: 'chart';
  kind: 'bar' | 'line' | 'pacing';
  title: string;
  points: ChartPoint[];
  /** The comparison series (previous period, last year), drawn faintly behind a line. */
  compare?: { label: string; points: ChartPoint[] };
  /** How axis ticks are formatted. */
  valueKind?: 'money' | 'percent' | 'count';
  /** The currency of money values (the store's; CNY when left out). */
  currency?: string;
  /** For `pacing`: one row per KPI; `points` then carry the actual values for text fallbacks. */
  pacing?: PacingRow[];
}

export type Block =
  | { type: 'text'; text: string; tone?: 'normal' | 'heading' | 'warning' | 'muted' }
  | { type: 'figures'; items: Figure[] }
  | { type: 'table'; columns: TableColumn[]; rows: string[][] }
  | ChartBlock
  | { type: 'choices'; prompt?: string; ref?: string; choices: Choice[] }
  | { type: 'context'; text: string };

export interface Reply {
  lang: Lang;
  blocks: Block[];
  /** Machine-readable answer for `--json`. */
  data?: unknown;
  /** Qualified user ids the adapter should mention (e.g. managers on an approval card). */
  mentions?: string[];
  /** Short text for notifications and platforms without rich blocks. */
  summary?: string;
  /**
   * When answering a button press: edit the message that carried the button into this reply
   * (e.g. the approval card now shows who decided and when, its buttons gone) instead of posting anew.
   */
  replaceOriginal?: boolean;
  /** Only the person who pressed or asked needs to see it (e.g. "already decided by …"). */
  ephemeral?: boolean;
  /** false: the conversation turned chart pictures off (`charts off`); charts then stay text. */
  chartImages?: boolean;
}

export const text = (t: string, tone?: 'normal' | 'heading' | 'warning' | 'muted'): Block => ({ type: 'text', text: t, ...(tone ? { tone } : {}) });

/** A warning that already opens with its own marker (🚨, ⏰, ❌ …) gets no second one from a renderer. */
export const warningMarker = (text: string, marker: string): string => (/^\p{Extended_Pictographic}/u.test(text) ? '' : marker);

export const replyOf = (lang: Lang, ...blocks: Block[]): Reply => ({ lang, blocks });
