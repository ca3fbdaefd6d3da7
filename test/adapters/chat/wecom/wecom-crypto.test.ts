import { WecomCrypto as SdkCrypto } from '@wecom/aibot-node-sdk';
import { describe, expect, it } from 'vitest';
import { CryptoRefusal, isEncodingAesKey, WecomCrypto } from '../../../../src/platforms/wecom/wecom-crypto.ts';
import { openReply, seal, signature } from './wecom-scheme.ts';

const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const TOKEN = 'T0kenStoreOps';

describe('wecom callback crypto', () => {
  it("verifies and opens the documentation's worked example (URL check)", () => {
    // From WeCom's 加解密方案 example: Token QDG6eK, CorpID wx5823bf96d3bd56c7.
    const c = new WecomCrypto('QDG6eK', 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', 'wx5823bf96d3bd56c7');
    const echostr = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
    expect(c.verify('5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3', '1409659589', '263014780', echostr)).toBe(true);
    expect(c.verify('5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4', '1409659589', '263014780', echostr)).toBe(false);
    expect(c.decrypt(echostr)).toBe('1616140317555161061');
    // The same ciphertext was made for that corp: an internal smart bot (receive id "") refuses it.
    const bot = new WecomCrypto('QDG6eK', 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', '');
    expect(() => bot.decrypt(echostr)).toThrow(expect.objectContaining({ reason: 'wrong_receive_id' }));
  });

  it('opens what an independent implementation seals, and the other way round (the official SDK too)', () => {
    const c = new WecomCrypto(TOKEN, AES_KEY);
    const msg = JSON.stringify({ msgid: 'm1', text: { content: '今天GMV多少 🎉' } });
    expect(c.decrypt(seal(AES_KEY, msg))).toBe(msg);
    const sealed = c.seal(msg, '1764210000', 'n0nce');
    expect(openReply(TOKEN, AES_KEY, sealed)).toEqual(JSON.parse(msg));
    expect(sealed.msgsignature).toBe(signature(TOKEN, '1764210000', 'n0nce', sealed.encrypt));
    const sdk = new SdkCrypto(TOKEN, AES_KEY, '');
    expect(sdk.decrypt(c.encrypt(msg))).toBe(msg);
    expect(c.decrypt(sdk.encrypt(msg, '1', '2').encrypt)).toBe(msg);
    // Every length pads to whole 32-byte blocks and opens again.
    for (let n = 0; n < 70; n++) expect(c.decrypt(c.encrypt('x'.repeat(n)))).toBe('x'.repeat(n));
  });

  it('refuses bad padding, a lying length, a foreign receive id and garbage, each by name', () => {
    const c = new WecomCrypto(TOKEN, AES_KEY);
    const reason = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return err instanceof CryptoRefusal ? err.reason : String(err);
      }
      return 'accepted';
    };
    expect(reason(() => c.decrypt(seal(AES_KEY, '{"a":1}', { badPadding: true })))).toBe('bad_padding');
    expect(reason(() => c.decrypt(seal(AES_KEY, '{"a":1}', { badLength: true })))).toBe('bad_length');
    expect(reason(() => c.decrypt(seal(AES_KEY, '{"a":1}', { receiveId: 'wwcorp123' })))).toBe('wrong_receive_id');
    expect(reason(() => c.decrypt('not base64 at all!!'))).toBe('bad_ciphertext');
    expect(reason(() => c.decrypt(''))).toBe('bad_ciphertext');
    // Sealed with another key: the padding check catches it (or, rarely, the length check).
    expect(['bad_padding', 'bad_length', 'wrong_receive_id']).toContain(reason(() => c.decrypt(seal('ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut', '{"a":1}'))));
  });

  it('knows a well-formed EncodingAESKey', () => {
    expect(isEncodingAesKey(AES_KEY)).toBe(true);
    expect(isEncodingAesKey(AES_KEY.slice(1))).toBe(false);
    expect(isEncodingAesKey(`${AES_KEY.slice(1)}=`)).toBe(false);
    expect(() => new WecomCrypto(TOKEN, 'short')).toThrow(/43 characters/);
  });
});
