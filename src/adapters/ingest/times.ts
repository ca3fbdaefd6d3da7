import type { Calendar } from '../../domain/calendar.ts';

// Timestamps in import files → epoch milliseconds. A time without a zone would be
// ambiguous, so the own schema insists on an offset; Tmall writes store-local times.

const ISO = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?(?:Z|[+-]\d\d:?\d\d)$/;

/** `2026-10-01T09:15:00+08:00` (or `…Z`) → ms; undefined when not ISO 8601 with an offset. */
export function parseIsoWithOffset(text: string): number | undefined {
  if (!ISO.test(text)) return undefined;
  let t = text.charCodeAt(10) === 32 ? `${text.slice(0, 10)}T${text.slice(11)}` : text;
  const n = t.length;
  // Date.parse wants the offset as +08:00.
  if (t[n - 5] === '+' || t[n - 5] === '-') t = `${t.slice(0, n - 2)}:${t.slice(n - 2)}`;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

const SHOPIFY = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) ([+-]\d\d)(\d\d)$/;

/** Shopify's `2026-10-01 09:15:00 +0800` → ms (ISO forms accepted too). */
export function parseShopifyTime(text: string): number | undefined {
  const m = SHOPIFY.exec(text.trim());
  if (!m) return parseIsoWithOffset(text.trim());
  const ms = Date.parse(`${m[1]}T${m[2]}${m[3]}:${m[4]}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Tmall's store-local `2026-10-01 09:15:00` (or with slashes) → ms in the store's time zone. */
export function parseLocalTime(text: string, calendar: Calendar): number | undefined {
  const t = text.trim().replace(/\//g, '-');
  if (!/^\d{4}-\d\d-\d\d( \d\d:\d\d(:\d\d)?)?$/.test(t)) return parseIsoWithOffset(t);
  return calendar.parseLocal(t);
}
