import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// WeCom's callback crypto (WXBizMsgCrypt, JSON flavour): AES-256-CBC with the key decoded from
// the 43-character EncodingAESKey, IV = the key's first 16 bytes, plaintext = 16 random bytes +
// 4-byte big-endian length + message + receive id, PKCS#7-padded to 32 bytes; the signature is
// SHA-1 over the sorted token, timestamp, nonce and ciphertext. The SDK ships a WecomCrypto too,
// but it compares signatures with `===` and skips the receive-id check when the id is "" (an
// internal smart bot's), so a message meant for another receiver would pass; this one refuses.

const BLOCK = 32;

/** Why a callback was refused; every one of them answers 403. */
export class CryptoRefusal extends Error {
  constructor(readonly reason: 'bad_signature' | 'bad_ciphertext' | 'bad_padding' | 'bad_length' | 'wrong_receive_id' | 'stale_timestamp') {
    super(`wecom callback refused: ${reason}`);
  }
}

export const isEncodingAesKey = (key: string) => /^[A-Za-z0-9+/]{43}$/.test(key) && Buffer.from(`${key}=`, 'base64').length === 32;

export class WecomCrypto {
  private readonly key: Buffer;
  private readonly iv: Buffer;

  constructor(
    private readonly token: string,
    encodingAesKey: string,
    private readonly receiveId = '',
  ) {
    if (!isEncodingAesKey(encodingAesKey)) throw new Error('the EncodingAESKey must be 43 characters of base64 (from the WeCom admin console)');
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64');
    this.iv = this.key.subarray(0, 16);
  }

  signature(timestamp: string, nonce: string, encrypted: string): string {
    return createHash('sha1').update([this.token, timestamp, nonce, encrypted].sort().join('')).digest('hex');
  }

  /** Constant-time check of `msg_signature`. */
  verify(signature: string, timestamp: string, nonce: string, encrypted: string): boolean {
    const want = Buffer.from(this.signature(timestamp, nonce, encrypted));
    const got = Buffer.from(signature);
    return got.length === want.length && timingSafeEqual(got, want);
  }

  /** The message inside a ciphertext; throws CryptoRefusal when anything about it is wrong. */
  decrypt(encrypted: string): string {
    const raw = Buffer.from(encrypted, 'base64');
    if (raw.length === 0 || raw.length % 16 !== 0) throw new CryptoRefusal('bad_ciphertext');
    const decipher = createDecipheriv('aes-256-cbc', this.key, this.iv);
    decipher.setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(raw), decipher.final()]);
    const pad = plain[plain.length - 1];
    if (pad < 1 || pad > BLOCK || pad > plain.length || !plain.subarray(plain.length - pad).every((b) => b === pad)) throw new CryptoRefusal('bad_padding');
    const body = plain.subarray(0, plain.length - pad);
    if (body.length < 20) throw new CryptoRefusal('bad_length');
    const len = body.readUInt32BE(16);
    if (20 + len > body.length) throw new CryptoRefusal('bad_length');
    if (body.subarray(20 + len).toString('utf8') !== this.receiveId) throw new CryptoRefusal('wrong_receive_id');
    return body.subarray(20, 20 + len).toString('utf8');
  }

  /** Encrypts a reply; `random` is for tests that replay a known ciphertext. */
  encrypt(message: string, random: Buffer = randomBytes(16)): string {
    const msg = Buffer.from(message, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(msg.length);
    const body = Buffer.concat([random, len, msg, Buffer.from(this.receiveId, 'utf8')]);
    const pad = BLOCK - (body.length % BLOCK);
    const cipher = createCipheriv('aes-256-cbc', this.key, this.iv);
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
  }

  /** A passive reply as WeCom expects it: `{ encrypt, msgsignature, timestamp, nonce }`. */
  seal(message: string, timestamp: string, nonce: string): { encrypt: string; msgsignature: string; timestamp: string; nonce: string } {
    const encrypt = this.encrypt(message);
    return { encrypt, msgsignature: this.signature(timestamp, nonce, encrypt), timestamp, nonce };
  }
}
