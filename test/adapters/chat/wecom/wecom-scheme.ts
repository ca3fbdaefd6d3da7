import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// An independent implementation of WeCom's callback scheme for the tests, written from the
// 回调和回复的加解密方案 documentation rather than from the adapter: it builds the ciphertexts
// and signatures WeCom would send, and can break each part on purpose.

export interface SealOptions {
  receiveId?: string;
  /** Corrupt the padding bytes (still whole blocks, so only the padding check can notice). */
  badPadding?: boolean;
  /** Claim a longer message than there is. */
  badLength?: boolean;
}

export function seal(encodingAesKey: string, message: string, opts: SealOptions = {}): string {
  const key = Buffer.from(encodingAesKey + '=', 'base64');
  const msg = Buffer.from(message, 'utf8');
  const head = Buffer.alloc(20);
  randomBytes(16).copy(head);
  head.writeUInt32BE(opts.badLength ? msg.length + 500 : msg.length, 16);
  const plain = Buffer.concat([head, msg, Buffer.from(opts.receiveId ?? '', 'utf8')]);
  const n = 32 - (plain.length % 32);
  const padding = Buffer.alloc(n, opts.badPadding ? 0 : n);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, padding])), cipher.final()]).toString('base64');
}

export const signature = (token: string, timestamp: string, nonce: string, encrypted: string) =>
  createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex');

/** Opens a passive reply the bot sent, checking its signature first. */
export function openReply(token: string, encodingAesKey: string, reply: { encrypt: string; msgsignature: string; timestamp: string | number; nonce: string }): unknown {
  if (signature(token, String(reply.timestamp), reply.nonce, reply.encrypt) !== reply.msgsignature) throw new Error('reply signature does not match');
  const key = Buffer.from(encodingAesKey + '=', 'base64');
  const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const plain = Buffer.concat([d.update(Buffer.from(reply.encrypt, 'base64')), d.final()]);
  const body = plain.subarray(0, plain.length - plain[plain.length - 1]);
  const len = body.readUInt32BE(16);
  return JSON.parse(body.subarray(20, 20 + len).toString('utf8'));
}
