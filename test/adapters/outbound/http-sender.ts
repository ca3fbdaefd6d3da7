import type { Sent, Target } from '../../../src/chat/chat-adapter.ts';
import { SendError } from '../../../src/chat/chat-adapter.ts';
import type { OutboundSender } from '../../../src/outbound/dispatcher.ts';
import type { Reply } from '../../../src/chat/reply.ts';

// A tiny generic sender used only by the engine's tests and bench: posts each message
// with its idempotency key to the stand-in and maps its answers to SendError kinds,
// the way a platform adapter does.

export class HttpSender implements OutboundSender {
  constructor(
    readonly platform: string,
    private readonly url: string,
    private readonly opts: { canConfirm?: boolean; timeoutMs?: number } = {},
  ) {
    if (!opts.canConfirm) this.confirm = undefined;
  }

  async send(target: Target, reply: Reply, meta?: { key: string }): Promise<Sent> {
    let res: Response;
    try {
      res = await fetch(`${this.url}/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: meta?.key, conversation: target.conversation, text: reply.summary ?? '' }),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      // Refused before anything left: safe to retry. A timeout after it left: ambiguous.
      if (cause === 'ECONNREFUSED') throw new SendError('transient', 'connection refused');
      throw new SendError('ambiguous', err instanceof Error ? err.message : String(err));
    }
    const body = (await res.json()) as { messageId?: string; parameters?: { retry_after?: number } };
    if (res.status === 429) throw new SendError('rate_limited', 'too many requests', (body.parameters?.retry_after ?? Number(res.headers.get('retry-after') ?? 1)) * 1000);
    if (res.status >= 500) throw new SendError('transient', `HTTP ${res.status}`);
    if (res.status >= 400) throw new SendError('permanent', `HTTP ${res.status}`);
    return { messageId: body.messageId! };
  }

  confirm? = async (_target: Target, key: string): Promise<Sent | null> => {
    const res = await fetch(`${this.url}/sent?key=${encodeURIComponent(key)}`);
    if (res.status === 404) return null;
    return { messageId: ((await res.json()) as { messageId: string }).messageId };
  };
}
