import { expect, it } from 'vitest';
import { stockAlertSource } from '../../src/features/stock/stock-alerts.ts';
import { StockBook } from '../../src/domain/stock/stock-book.ts';
import { freshApp } from '../adapters/ingest/ingest-helpers.ts';

const ask = (app: Awaited<ReturnType<typeof freshApp>>, text: string, conversation = 'console:ops') => app.bot.handle({ platform: 'console', conversation, user: 'console:amy', text, direct: false });

it('a subscribed room gets one notice per crossing, in its language, and the stock command lists the SKU', async () => {
  const app = await freshApp();
  const s = app.services;
  expect((await ask(app, '库存预警 开启')).data).toMatchObject({ on: true });
  expect((await ask(app, 'stock alerts on', 'console:en-room')).data).toMatchObject({ on: true });
  const book = await StockBook.open(s.docs);
  const now = s.clock.now();
  await book.apply([{ sku: 'SK-Z', onHand: 0 }], s.data, s.calendar.dayOf(now.getTime()) - 1, now.getTime());
  const notices = await stockAlertSource.collect(now, s);
  expect(notices.map((n) => n.target.conversation).sort()).toEqual(['console:en-room', 'console:ops']);
  const zh = notices.find((n) => n.target.conversation === 'console:ops')!;
  expect(zh.reply.summary).toContain('SK-Z 缺货');
  for (const n of notices) await s.outbox.enqueue(n);
  expect(await stockAlertSource.collect(now, s)).toEqual([]);
  const reply = await ask(app, '库存');
  expect(JSON.stringify(reply.data)).toContain('"out":1');
  const wrong = await ask(app, '库存预警 也许');
  expect(JSON.stringify(wrong.blocks)).toContain('库存预警 开启');
});
