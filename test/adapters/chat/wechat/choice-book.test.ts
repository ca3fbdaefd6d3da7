import { describe, expect, it } from 'vitest';
import { ChoiceBook } from '../../../../src/platforms/wechat/choice-book.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';
import type { Block } from '../../../../src/chat/reply.ts';

// Typed choice replies: tied to the card's conversation, its asker, and its time limit.

const card = (ref?: string): Extract<Block, { type: 'choices' }> => ({
  type: 'choices',
  ...(ref ? { ref } : {}),
  choices: [
    { label: 'Approve', action: { id: 'approve', value: '12' } },
    { label: 'Reject', action: { id: 'reject', value: '12' } },
  ],
});
const ROOM = 'wechat:room:R1@chatroom';
const t0 = new Date('2026-11-27T02:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('ChoiceBook', () => {
  it('uses the card’s own reference, or hands out short numbers', async () => {
    const book = new ChoiceBook(new MemoryDocStore());
    expect(await book.add(card('#12'), ROOM, 'en', t0)).toBe('12');
    expect(await book.add(card(), ROOM, 'en', t0)).toBe('1');
    expect(await book.add(card(), ROOM, 'en', t0)).toBe('2');
    expect(await book.add(card('bad ref!'), ROOM, 'en', t0)).toBe('3');
  });

  it('reads labels in any case and width, numbers with a reference, and nothing else', async () => {
    const book = new ChoiceBook(new MemoryDocStore());
    await book.add(card('12'), ROOM, 'en', t0);
    expect(await book.resolve('APPROVE #12', ROOM, 'wechat:b', t0)).toMatchObject({ kind: 'action', action: { id: 'approve' }, lang: 'en' });
    expect(await book.resolve('ｒｅｊｅｃｔ　＃１２', ROOM, 'wechat:b', t0)).toMatchObject({ kind: 'action', action: { id: 'reject' } });
    expect(await book.resolve('2 #12', ROOM, 'wechat:b', t0)).toMatchObject({ kind: 'action', action: { id: 'reject' } });
    expect(await book.resolve('maybe #12', ROOM, 'wechat:b', t0)).toMatchObject({ kind: 'no_such_choice' });
    expect(await book.resolve('approve #12', 'wechat:room:other', 'wechat:b', t0)).toEqual({ kind: 'unknown', ref: '12' });
    expect(await book.resolve('gmv today', ROOM, 'wechat:b', t0)).toBeUndefined();
  });

  it('takes a bare number only from the asker, only soon after, and only once', async () => {
    const book = new ChoiceBook(new MemoryDocStore());
    await book.add(card('12'), ROOM, 'en', t0, 'wechat:alice');
    expect(await book.resolve('1', ROOM, 'wechat:bob', t0)).toBeUndefined();
    expect(await book.resolve('3', ROOM, 'wechat:alice', t0)).toBeUndefined();
    expect(await book.resolve('2', ROOM, 'wechat:alice', later(60_000))).toMatchObject({ kind: 'action', action: { id: 'reject' } });
    expect(await book.resolve('2', ROOM, 'wechat:alice', later(60_000))).toBeUndefined();
    await book.add(card('13'), ROOM, 'en', t0, 'wechat:alice');
    expect(await book.resolve('1', ROOM, 'wechat:alice', later(11 * 60_000))).toBeUndefined();
  });

  it('says stale after the time limit, and forgets a week later', async () => {
    const docs = new MemoryDocStore();
    const book = new ChoiceBook(docs, { ttlMs: 3600_000 });
    await book.add(card('12'), ROOM, 'en', t0);
    expect(await book.resolve('approve #12', ROOM, 'wechat:b', later(3600_001))).toEqual({ kind: 'stale', ref: '12', lang: 'en' });
    await book.add(card('99'), ROOM, 'en', later(8 * 24 * 3600_000)); // adding prunes
    expect(await book.resolve('approve #12', ROOM, 'wechat:b', later(8 * 24 * 3600_000))).toEqual({ kind: 'unknown', ref: '12' });
    // Another book on the same store (a restart) sees the same cards.
    expect(await new ChoiceBook(docs).resolve('approve #99', ROOM, 'wechat:b', later(8 * 24 * 3600_000))).toMatchObject({ kind: 'action' });
  });
});
