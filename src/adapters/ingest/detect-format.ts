import { ImportError } from './import-error.ts';

export type ImportKind = 'orders' | 'traffic' | 'spend';
export type FileFormat = 'shopify' | 'tmall' | 'own-csv' | 'own-jsonl' | 'traffic' | 'spend';

/** The project's own order schema, one row per order (README "Importing data"). */
export const OWN_COLUMNS = ['platform', 'order_id', 'channel', 'customer', 'created_at', 'paid_at', 'status', 'amount', 'refunded', 'coupon_code', 'phone', 'items'] as const;
export const SHOPIFY_KEY = ['Name', 'Email', 'Financial Status', 'Created at', 'Total', 'Lineitem quantity', 'Lineitem price'];
export const TMALL_KEY = ['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '订单创建时间'];
const SERIES_ALIASES: Record<string, string> = { 日期: 'date', 渠道: 'channel', 访客数: 'visitors', 访客: 'visitors', uv: 'visitors', 花费: 'amount', 金额: 'amount', spend: 'amount' };
export const SERIES_KEY = { traffic: ['date', 'channel', 'visitors'], spend: ['date', 'channel', 'amount'] } as const;

/** Column name → index, names trimmed (exports often pad them). */
export type Columns = Map<string, number>;

export function columnsOf(header: string[]): Columns {
  const cols: Columns = new Map();
  header.forEach((h, i) => {
    const name = h.replace(/^\uFEFF/, '').trim();
    if (!cols.has(name)) cols.set(name, i);
  });
  return cols;
}

const hasAll = (cols: Columns, names: readonly string[]) => names.every((n) => cols.has(n));

/** What each kind of import accepts, for the error when a file is none of them. */
export function expected(kind: ImportKind): string {
  if (kind !== 'orders') return `a CSV with the columns ${SERIES_KEY[kind].join(',')}`;
  return (
    `a Shopify orders export (columns ${SHOPIFY_KEY.join(', ')}, Lineitem sku, …), ` +
    `a Tmall/Taobao order report (${TMALL_KEY.join(', ')}, 订单付款时间, 退款金额, …), ` +
    `or the own schema as CSV (${OWN_COLUMNS.join(',')}) or JSONL with those fields`
  );
}

/** Decides the format from the header line alone; never from the file name. */
export function detectFormat(kind: ImportKind, header: string[], path: string): { format: FileFormat; cols: Columns } {
  const cols = columnsOf(header);
  if (kind === 'orders') {
    if (hasAll(cols, SHOPIFY_KEY)) return { format: 'shopify', cols };
    if (hasAll(cols, TMALL_KEY)) return { format: 'tmall', cols };
    if (cols.has('order_id') && cols.has('status')) {
      const missing = OWN_COLUMNS.filter((c) => !cols.has(c));
      if (missing.length) throw new ImportError(`cannot import ${path}: the own order schema needs the columns ${OWN_COLUMNS.join(',')} (missing ${missing.join(', ')}); nothing was imported`);
      return { format: 'own-csv', cols };
    }
  } else {
    const lower = columnsOf(header.map((h) => SERIES_ALIASES[h.trim()] ?? SERIES_ALIASES[h.trim().toLowerCase()] ?? h.trim().toLowerCase()));
    if (hasAll(lower, SERIES_KEY[kind])) return { format: kind, cols: lower };
  }
  const seen = header.slice(0, 6).map((h) => h.trim()).join(',');
  throw new ImportError(`cannot import ${path}: unknown format (header starts "${seen}"); expected ${expected(kind)}; nothing was imported`);
}
