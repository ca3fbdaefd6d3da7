import type { Sent, Target } from '../../../src/chat/chat-adapter.ts';
import type { OutboundSender } from '../../../src/outbound/dispatcher.ts';
import type { Notice } from '../../../src/bot/notices.ts';
import type { Reply } from '../../../src/chat/reply.ts';

// Test doubles for the dispatcher: a clock that moves only when the dispatcher sleeps,
// and a sender that records what it was given and fails as scripted.

export function fakeTime(startIso: string) {
  const state = { t: Date.parse(startIso) };
  return {
    clock: { now: () => new Date(state.t) },
    sleep: async (ms: number) => {
      state.t += ms;
    },
    advance: (ms: number) => {
      state.t += ms;
    },
    get now() {
      return state.t;
    },
  };
}

export class RecordingSender implements OutboundSender {
  readonly sent: { target: Target; reply: Reply; key?: string; at: number }[] = [];
  /** Errors to throw, in order, before succeeding. */
  failures: Error[] = [];
  confirm?: (target: Target, key: string) => Promise<Sent | null>;
  constructor(
    readonly platform: string,
    private readonly now: () => number = () => Date.now(),
  ) {}
  async send(target: Target, reply: Reply, meta?: { key: string }): Promise<Sent> {
    const f = this.failures.shift();
    if (f) throw f;
    this.sent.push({ target, reply, key: meta?.key, at: this.now() });
    return { messageId: `msg-${this.sent.length}` };
  }
}

export const notice = (key: string, conversation: string, dueAt: string, extra: Partial<Notice> = {}): Notice => ({
  key,
  kind: 'test.notice',
  target: { conversation },
  reply: { lang: 'en', blocks: [{ type: 'text', text: `hello ${key}` }], summary: key },
  dueAt: new Date(dueAt),
  ...extra,
});
