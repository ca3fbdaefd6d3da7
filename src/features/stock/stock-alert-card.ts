import type { Alert } from '../../domain/alerts/alert.ts';
import type { Day } from '../../domain/calendar.ts';
import type { Rollups } from '../../domain/orders/rollups.ts';
import { stockStatus, unitsSold } from '../../domain/stock/stock.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { Block } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';
import { coverText, levelName, trendChart } from './stock-view.ts';

// What a stock alert card shows besides the alert's heading and buttons: the SKU's level, stock
// against its levels and days of cover in one line, then its 14-day sales trend (to the day before the crossing).

// An import that moves many SKUs at once makes many cards for many rooms: the 14 days of sales are
// read once per day and order rollups (rebuilt by every import), not once per card.
const sold = new WeakMap<Rollups, Map<Day, Map<string, number[]>>>();
function unitsSoldTo(services: Services, lastDay: Day): Map<string, number[]> {
  const r = services.data.rollups;
  let byDay = sold.get(r);
  if (!byDay) sold.set(r, (byDay = new Map()));
  let units = byDay.get(lastDay);
  if (!units) byDay.set(lastDay, (units = unitsSold(services.data, lastDay)));
  return units;
}

export function stockAlertParts(a: Alert, services: Services, lang: Lang): { fact: string; blocks: Block[] } {
  const t = say(lang);
  const c = a.stock!;
  const sku = a.sku!;
  const lastDay = services.calendar.dayOf(c.at) - 1;
  const levels = { ...(c.safety !== undefined ? { safety: c.safety } : {}), ...(c.warning !== undefined ? { warning: c.warning } : {}) };
  const s = stockStatus({ sku, warehouses: { '': a.value }, updatedAt: c.at, ...levels }, unitsSoldTo(services, lastDay).get(sku));
  const recent = s.trend.slice(-7).reduce((x, y) => x + y, 0);
  const before = s.trend.slice(0, 7).reduce((x, y) => x + y, 0);
  const pct = before === 0 ? '' : `${recent >= before ? '+' : ''}${Math.round(((recent - before) / before) * 100)}%`;
  const when = services.calendar.formatTime(c.at);
  return {
    fact: t(
      `${sku} ${levelName(c.level, lang)}：库存 ${a.value}（安全 ${s.safety} / 预警 ${s.warning}），${s.cover === null ? coverText(s, lang) : `可售 ${coverText(s, lang)}`} · ${when}`,
      `${sku} ${levelName(c.level, lang)}: ${a.value} on hand (safety ${s.safety} / warning ${s.warning}), ${s.cover === null ? coverText(s, lang) : `cover ${coverText(s, lang)}`} · ${when}`,
    ),
    blocks: [
      trendChart(s, lastDay, lang),
      { type: 'context', text: t(`日均销量 ${s.rate.toFixed(1)}${pct ? `，近7天销量较前7天 ${pct}` : ''} · 发送「库存 ${sku}」查看`, `${s.rate.toFixed(1)} units/day${pct ? `; last 7 days' units ${pct} vs the 7 before` : ''} · send "stock ${sku}" for more`) },
    ],
  };
}
