import { randomBytes } from 'node:crypto';

// Coupon codes and the holdout draw.
// A code is PREFIX-<campaign id in base 31><6 random symbols>, e.g. RB-C7K2Q9M for campaign 12:
// the campaign part keeps codes of different campaigns apart; within a campaign the caller
// checks the random part against codes already issued and draws again on a clash.

/** No 0/O, 1/I/L: codes are read aloud and typed by customers. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function campaignPart(id: number): string {
  let s = '';
  let n = id;
  do {
    s = ALPHABET[n % ALPHABET.length] + s;
    n = Math.floor(n / ALPHABET.length);
  } while (n > 0);
  return s;
}

export class CodeMaker {
  private pool = Buffer.alloc(0);
  private at = 0;
  private readonly head: string;
  constructor(prefix: string, campaignId: number, private readonly taken: Set<string>) {
    this.head = `${prefix}-${campaignPart(campaignId)}`;
  }

  next(): string {
    for (;;) {
      if (this.at + 6 > this.pool.length) {
        this.pool = randomBytes(6 * 4096);
        this.at = 0;
      }
      let s = this.head;
      for (let i = 0; i < 6; i++) s += ALPHABET[this.pool[this.at++] % ALPHABET.length];
      if (!this.taken.has(s)) {
        this.taken.add(s);
        return s;
      }
    }
  }
}

/** FNV-1a (with a final mix) of `campaign:customer`, scaled to [0, 1): the same member is always in or out of a campaign's holdout. */
export function holdoutDraw(campaignId: number, customer: string): number {
  let h = 0x811c9dc5;
  const s = `${campaignId}:${customer}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Murmur3's finaliser: FNV alone leaves the high bits of short, similar keys correlated.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

export const inHoldout = (campaignId: number, customer: string, share: number) => holdoutDraw(campaignId, customer) < share;
