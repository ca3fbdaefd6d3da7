import type { EntryState } from '../../outbound/outbox-store.ts';
import { z } from 'zod';
import type { OutboxEntry } from '../../outbound/outbox-store.ts';
import { problem } from '../../bot/errors.ts';
import { say } from '../../chat/lang.ts';
import { text, type Block } from '../../chat/reply.ts';
import type { CommandContext } from '../../bot/spec.ts';
import { defineCommand } from '../../bot/spec.ts';
import { count } from '../shared/counts.ts';

/** An outbox entry's state in words, never the raw enum (`sent`) in a Chinese sentence. */
const STATE_WORDS: Record<EntryState, [string, string]> = {
  pending: ['还在排队等待发送', 'is still queued'],
  sending: ['正在发送', 'is being sent'],
  sent: ['已经发送成功', 'was already sent'],
  failed: ['发送失败', 'failed'],
  unconfirmed: ['未确认是否送达', 'is unconfirmed'],
};

// `outbox` (counts), `outbox failed` (what did not go out, and why), `outbox retry 42`
// (re-queue one; ops_manager, audited). Unconfirmed entries are listed with the failed ones:
// they may have arrived, so only a person decides to send them again.

export const outboxCommand = defineCommand({
  id: 'outbox',
  phrases: { zh: ['发送队列', '消息队列'], en: ['outbox'] },
  summary: { zh: '发送队列状态', en: 'Outbox status' },
  examples: { zh: ['发送队列'], en: ['outbox'] },
  role: 'staff',
  args: z.object({}),
  parse: () => ({}),
  handle(ctx) {
    const t = say(ctx.lang);
    const c = ctx.services.outboxStore.counts();
    const items = [
      { label: t('待发送', 'Pending'), value: count(c.pending + c.sending) },
      { label: t('已发送', 'Sent'), value: count(c.sent) },
      { label: t('失败', 'Failed'), value: count(c.failed) },
      { label: t('未确认', 'Unconfirmed'), value: count(c.unconfirmed) },
    ];
    const blocks: Block[] = [text(t('发送队列', 'Outbox'), 'heading'), { type: 'figures', items }];
    if (c.failed + c.unconfirmed > 0) blocks.push({ type: 'context', text: t('发送「发送失败」查看原因。', 'Send "outbox failed" to see why.') });
    return { lang: ctx.lang, blocks, data: c };
  },
});

const row = (ctx: CommandContext, e: OutboxEntry) => [`#${e.id}`, e.state, e.kind, e.conversation, ctx.services.calendar.formatTime(Date.parse(e.dueAt)), e.reason ?? ''];

export const outboxFailedCommand = defineCommand({
  id: 'outbox.failed',
  phrases: { zh: ['发送失败', '失败消息'], en: ['outbox failed'] },
  summary: { zh: '发送失败的消息', en: 'Failed outgoing messages' },
  examples: { zh: ['发送失败'], en: ['outbox failed'] },
  role: 'ops_manager',
  args: z.object({}),
  parse: () => ({}),
  handle(ctx) {
    const t = say(ctx.lang);
    const store = ctx.services.outboxStore;
    const entries = [...store.list('unconfirmed', 50), ...store.list('failed', 50)];
    const blocks: Block[] = [text(t(`发送失败或未确认：${count(entries.length)} 条`, `Failed or unconfirmed: ${count(entries.length)}`), 'heading')];
    if (entries.length === 0) blocks.push(text(t('没有失败的消息。', 'Nothing has failed.'), 'muted'));
    else {
      blocks.push({ type: 'table', columns: ['ID', t('状态', 'State'), t('类型', 'Kind'), t('会话', 'Where'), t('应发时间', 'Due'), t('原因', 'Why')].map((title) => ({ title, align: 'left' as const })), rows: entries.map((e) => row(ctx, e)) });
      blocks.push({ type: 'context', text: t('「未确认」可能已送达；确认没收到后再用「重发 ID」。', '"unconfirmed" may have arrived; check before "outbox retry ID".') });
    }
    return { lang: ctx.lang, blocks, data: { entries: entries.map(({ payload: _p, ...e }) => e) } };
  },
});

export const outboxRetryCommand = defineCommand({
  id: 'outbox.retry',
  phrases: { zh: ['重发'], en: ['outbox retry'] },
  summary: { zh: '重发一条消息', en: 'Re-queue a message' },
  examples: { zh: ['重发 42'], en: ['outbox retry 42'] },
  role: 'ops_manager',
  args: z.object({ id: z.number({ error: 'an entry number like 42' }).int().positive('an entry number like 42') }),
  parse: (rest) => ({ id: /^#?\d+$/.test(rest.trim()) ? Number(rest.trim().replace('#', '')) : undefined }),
  async handle(ctx, a) {
    const t = say(ctx.lang);
    const store = ctx.services.outboxStore;
    const e = store.get(a.id);
    if (!e) throw problem('outbox_unknown', `没有编号 ${a.id} 的消息。`, `There is no outbox entry ${a.id}.`, { zh: '发送失败', en: 'outbox failed' });
    if (e.state !== 'failed' && e.state !== 'unconfirmed') throw problem('outbox_not_failed', `#${a.id} ${STATE_WORDS[e.state][0]}，只能重发失败或未确认的消息。`, `#${a.id} ${STATE_WORDS[e.state][1]}; only failed or unconfirmed entries can be retried.`, { zh: '发送失败', en: 'outbox failed' });
    const was = e.state;
    await store.update(e.id, { state: 'pending', attempts: 0, retryAt: undefined, reason: `re-queued by ${ctx.incoming.user} (was ${was}: ${e.reason ?? ''})` });
    await ctx.services.audit.record({ kind: 'outbox.retry', user: ctx.incoming.user, conversation: ctx.incoming.conversation, summary: `re-queued outbox #${e.id} (${e.key}), was ${was}`, data: { id: e.id, key: e.key, was } });
    return {
      lang: ctx.lang,
      blocks: [text(t(`#${e.id} 已重新排队，下一次调度（一分钟内）发出。`, `#${e.id} is queued again; it goes out with the next tick (within a minute).`)), ...(was === 'unconfirmed' ? [text(t('注意：它之前可能已送达，对方可能收到两次。', 'Note: it may have arrived before, so it may arrive twice.'), 'warning')] : [])],
      data: { id: e.id, key: e.key, was },
    };
  },
});
