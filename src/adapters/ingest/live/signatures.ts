import { createHmac, timingSafeEqual } from 'node:crypto';

// Signed requests are checked over the raw body, byte for byte, in constant time.

/** Equal-length constant-time comparison of two strings (unequal lengths are simply unequal). */
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Shopify's `X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the raw body with the app's secret.
 * During a rotation both the new and the old secret are accepted.
 */
export function shopifySignatureOk(rawBody: Buffer, header: string | undefined, secrets: readonly string[]): boolean {
  if (!header) return false;
  let ok = false;
  // Every secret is tried, so the time taken does not tell which one matched.
  for (const s of secrets) ok = sameText(createHmac('sha256', s).update(rawBody).digest('base64'), header.trim()) || ok;
  return ok;
}

export const INGEST_WINDOW_MS = 5 * 60_000;

export type IngestSignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * The ingest endpoint's scheme, like Slack's: `X-Ingest-Timestamp` (unix seconds) and
 * `X-Ingest-Signature: v1=<hex HMAC-SHA256 of "timestamp.body">`, the timestamp within five minutes.
 */
export function ingestSignatureOk(rawBody: Buffer, timestamp: string | undefined, signature: string | undefined, secret: string, nowMs: number): IngestSignatureCheck {
  if (!timestamp || !/^\d{9,11}$/.test(timestamp)) return { ok: false, reason: 'X-Ingest-Timestamp must be the unix time in seconds, like 1764650000' };
  if (Math.abs(nowMs - Number(timestamp) * 1000) > INGEST_WINDOW_MS) return { ok: false, reason: 'X-Ingest-Timestamp is more than 5 minutes from now; sign each request when you send it' };
  if (!signature) return { ok: false, reason: 'X-Ingest-Signature is missing; send v1=<hex HMAC-SHA256 of "timestamp.body">' };
  const want = `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
  return sameText(want, signature.trim()) ? { ok: true } : { ok: false, reason: 'X-Ingest-Signature does not match; sign "timestamp.body" with INGEST_SECRET (HMAC-SHA256, hex, prefixed v1=)' };
}

/** The header a sender computes (used by tests, the bench and the README's example). */
export function signIngest(rawBody: string | Buffer, secret: string, unixSeconds: number): { timestamp: string; signature: string } {
  const timestamp = String(unixSeconds);
  return { timestamp, signature: `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}` };
}

export const signShopify = (rawBody: string | Buffer, secret: string) => createHmac('sha256', secret).update(rawBody).digest('base64');
