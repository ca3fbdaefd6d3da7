import { describe, expect, it } from 'vitest';
import { TelegramState } from '../../../../src/platforms/telegram/telegram-state.ts';
import { MemoryDocStore } from '../../../../src/adapters/store/lowdb-doc-store.ts';

describe('telegram adapter state', () => {
  it('puts a short action straight into callback_data and reads it back', async () => {
    const s = new TelegramState(new MemoryDocStore());
    const data = await s.callbackData({ id: 'approve', value: 'B-17' }, 'zh');
    expect(data).toBe('zh|approve B-17');
    expect(await s.pressed(data)).toEqual({ action: { id: 'approve', value: 'B-17' }, lang: 'zh' });
  });

  it('stores a long action behind a reference under 64 bytes, until it expires', async () => {
    let now = Date.parse('2026-11-27T02:00:00Z');
    const docs = new MemoryDocStore();
    const s = new TelegramState(docs, () => now);
    const action = { id: 'complaint-assign', value: '订单 TB-2026112700012345 给 运营经理 张三 和 客服主管 李四' };
    const data = await s.callbackData(action, 'zh');
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(data.startsWith('#')).toBe(true);
    // Another adapter instance (a restart) over the same documents still knows it.
    expect(await new TelegramState(docs, () => now).pressed(data)).toEqual({ action, lang: 'zh' });
    now += 15 * 24 * 3600 * 1000;
    expect(await s.pressed(data)).toBeUndefined();
    expect(await s.pressed('junk')).toBeUndefined();
  });

  it('lets each update and callback through once, also across a restart and when two copies race', async () => {
    const docs = new MemoryDocStore();
    const s = new TelegramState(docs);
    expect(await Promise.all([s.firstUpdate(5), s.firstUpdate(5)])).toEqual([true, false]);
    expect(await new TelegramState(docs).firstUpdate(5)).toBe(false);
    expect(await s.firstUpdate(6)).toBe(true);
    expect(await s.firstCallback('q1')).toBe(true);
    expect(await s.firstCallback('q1')).toBe(false);
  });
});
