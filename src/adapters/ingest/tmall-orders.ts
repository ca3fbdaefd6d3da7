import type { Calendar } from '../../domain/calendar.ts';
import { parseMoney } from '../../domain/money.ts';
import { orderSchema, type Order } from '../../domain/orders/order.ts';
import type { CsvRow } from './csv-rows.ts';
import type { Columns } from './detect-format.ts';
import type { BadRows } from './import-error.ts';
import { zodReason } from './own-orders.ts';
import { parseLocalTime } from './times.ts';

// The Tmall/Taobao seller-centre order report: one row per order, Chinese headers,
// store-local times. Statuses map onto paid / unpaid / cancelled; a closed order
// that had been paid was refunded.

const PAID = ['交易成功', '卖家已发货，等待买家确认', '买家已付款，等待卖家发货', '卖家部分发货'];
const UNPAID = ['等待买家付款'];

/** Order numbers arrive as ="123", '123 or with a tab in front so spreadsheets keep the digits. */
export const cleanId = (raw: string) => raw.trim().replace(/^="?/, '').replace(/"$/, '').replace(/^['\t ]+/, '').trim();

const norm = (s: string) => s.trim().replace(/,/g, '，'); // reports mix half- and full-width commas

export function* tmallOrders(rows: Iterable<CsvRow>, cols: Columns, bad: BadRows, currency: string, calendar: Calendar): Generator<Order> {
  const at = (name: string) => cols.get(name) ?? -1;
  const c = {
    id: at('订单编号'), buyer: at('买家会员名'), paid: at('买家实际支付金额'), status: at('订单状态'), created: at('订单创建时间'), paidAt: at('订单付款时间'),
    refund: at('退款金额'), title: at('宝贝标题'), qty: at('宝贝总数量'), sku: at('商家编码'), phone: at('联系手机'),
  };
  const get = (f: string[], i: number) => (i >= 0 && i < f.length ? f[i].trim() : '');
  for (const row of rows) {
    if (row.error) {
      bad.add(row.line, row.error);
      continue;
    }
    const o = toOrder(row.fields);
    if (typeof o === 'string') bad.add(row.line, o);
    else yield o;
  }

  function toOrder(f: string[]): Order | string {
    const orderId = cleanId(get(f, c.id));
    if (!orderId) return '订单编号 (order number) is empty';
    if (!get(f, c.buyer)) return '买家会员名 (buyer) is empty';
    const createdText = get(f, c.created);
    const createdAt = parseLocalTime(createdText, calendar);
    if (createdAt === undefined) return `订单创建时间 "${createdText}" is not a time like 2026-10-01 09:15:00`;
    const paidText = get(f, c.paidAt);
    const paidAt = paidText && paidText !== '-' && paidText !== 'null' ? parseLocalTime(paidText, calendar) : undefined;
    if (paidAt === undefined && paidText && paidText !== '-' && paidText !== 'null') return `订单付款时间 "${paidText}" is not a time like 2026-10-01 09:15:00`;
    const amount = parseMoney(get(f, c.paid), currency);
    if (amount === undefined) return `买家实际支付金额 "${get(f, c.paid)}" is not an amount like 199.00`;
    const refundText = cleanId(get(f, c.refund));
    const refundGiven = refundText === '' ? 0 : parseMoney(refundText, currency);
    if (refundGiven === undefined) return `退款金额 "${refundText}" is not an amount like 20.00`;
    const state = norm(get(f, c.status));
    let status: Order['status'];
    let refunded = Math.min(refundGiven, amount);
    if (PAID.includes(state)) status = 'paid';
    else if (UNPAID.includes(state)) status = 'unpaid';
    else if (state.includes('关闭')) {
      // Closed after payment = refunded (the whole amount when the report leaves 退款金额 empty); before payment = cancelled.
      status = paidAt !== undefined ? 'paid' : 'cancelled';
      if (status === 'paid' && refunded === 0) refunded = amount;
    } else return `订单状态 "${state}" is not one of ${[...PAID, ...UNPAID, '交易关闭'].join(' / ')}`;
    if (status === 'paid' && paidAt === undefined) return '订单付款时间 is empty for a paid order';
    const sku = cleanId(get(f, c.sku)) || get(f, c.title);
    const qty = Number(get(f, c.qty) || '1');
    const phone = cleanId(get(f, c.phone));
    const order = {
      platform: 'tmall',
      orderId,
      channel: 'tmall',
      customer: get(f, c.buyer),
      createdAt,
      ...(paidAt !== undefined && status !== 'unpaid' ? { paidAt } : {}),
      status,
      amount,
      refunded: status === 'paid' ? refunded : 0,
      ...(phone ? { phone } : {}),
      lines: sku ? [{ sku, qty: Number.isInteger(qty) ? qty : 1, amount }] : [],
    };
    const checked = orderSchema.safeParse(order);
    return checked.success ? checked.data : zodReason(checked.error);
  }
}
