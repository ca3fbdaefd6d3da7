import { addMonths, civil, firstOfMonth, type Day } from '../../domain/calendar.ts';
import { parseMoney } from '../../domain/money.ts';
import type { TargetMetric } from '../../domain/targets/target.ts';
import { channelId } from '../shared/channels.ts';
import { problem } from '../../bot/errors.ts';

// Reads "2026-11 gmv 3000000 douyin 800000 orders 20000" / "本月 GMV 300万 抖音 80万":
// a month, then for each metric its store-wide target and any channel targets after it.

export const TARGET_EXAMPLE = { zh: '设定目标 2026-11 GMV 3000000 抖音 800000', en: 'target set 2026-11 gmv 3000000 douyin 800000' };

const METRIC_WORDS: Record<string, TargetMetric> = {
  gmv: 'gmv', sales: 'gmv', 成交额: 'gmv', 销售额: 'gmv', 成交: 'gmv',
  orders: 'orders', order: 'orders', 订单: 'orders', 订单数: 'orders', 单量: 'orders',
  buyers: 'buyers', buyer: 'buyers', customers: 'buyers', 买家: 'buyers', 买家数: 'buyers',
  new_customers: 'new_buyers', new_buyers: 'new_buyers', 新客: 'new_buyers', 新客数: 'new_buyers',
};

export interface TargetLine {
  metric: TargetMetric;
  channel?: string;
  /** Minor units for GMV, a count otherwise. */
  target: number;
}

/** The month a target is for: YYYY-MM, 本月/this month, 下月/next month, or 11月 (this year). */
export function readMonth(word: string, today: Day): string | undefined {
  const w = word.toLowerCase();
  const ym = (d: Day) => `${civil(d).y}-${String(civil(d).m).padStart(2, '0')}`;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(w)) return w;
  if (w === '本月' || w === 'this_month' || w === '这个月') return ym(today);
  if (w === '下月' || w === 'next_month' || w === '下个月') return ym(addMonths(firstOfMonth(today), 1));
  const m = /^(\d{1,2})月$/.exec(w);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${civil(today).y}-${m[1].padStart(2, '0')}`;
  return undefined;
}

/** An amount as typed: 3000000, 300万, 3.5w, 800k; GMV in yuan → fen. */
function readAmount(word: string, metric: TargetMetric, currency: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(万|w|k|千)?$/i.exec(word.replace(/[,，]/g, ''));
  if (!m) return undefined;
  const scale = m[2] === '万' || m[2]?.toLowerCase() === 'w' ? 10_000 : m[2] ? 1_000 : 1;
  if (metric !== 'gmv') {
    const n = Number(m[1]) * scale;
    return Number.isInteger(n) ? n : undefined;
  }
  const minor = parseMoney(m[1], currency);
  return minor === undefined ? undefined : minor * scale;
}

export function readTargets(rest: string, today: Day, currency: string): { month: string; lines: TargetLine[] } {
  const words = rest.replace(/this month|next month|new customers|new buyers/gi, (s) => s.toLowerCase().replace(' ', '_')).split(/\s+/).filter(Boolean);
  const month = words.length ? readMonth(words[0], today) : undefined;
  if (!month) throw problem('target_month', '先写月份，比如 2026-11 或「本月」。', 'Start with the month, like 2026-11 or "this month".', TARGET_EXAMPLE);
  const lines: TargetLine[] = [];
  let metric: TargetMetric | undefined;
  let channel: string | undefined;
  for (const w of words.slice(1)) {
    const asMetric = METRIC_WORDS[w.toLowerCase()];
    if (asMetric) {
      metric = asMetric;
      channel = undefined;
      continue;
    }
    const asChannel = channelId(w);
    if (asChannel) {
      if (!metric) metric = 'gmv';
      channel = asChannel;
      continue;
    }
    const amount = metric ? readAmount(w, metric, currency) : undefined;
    if (metric && amount !== undefined) {
      if (amount <= 0) throw problem('target_zero', '目标要大于 0。', 'A target must be above zero.', TARGET_EXAMPLE);
      lines.push({ metric, ...(channel ? { channel } : {}), target: amount });
      channel = undefined;
      continue;
    }
    throw problem('target_word', `没看懂「${w}」：指标写 GMV、订单、买家、新客，渠道写 抖音、天猫 等，后面跟数字。`, `I didn't understand "${w}": name a metric (gmv, orders, buyers, new customers) or a channel (douyin, tmall …), each followed by a number.`, TARGET_EXAMPLE);
  }
  if (lines.length === 0) throw problem('target_none', '没有读到目标数字。', 'No target figure found.', TARGET_EXAMPLE);
  return { month, lines };
}
