import { z } from 'zod';
import { SendError } from '../../chat/chat-adapter.ts';

// Group robots (群机器人): how the bot speaks first in callback mode, where it holds no
// connection to push on. Each room's robot is configured as WECOM_WEBHOOK_<NAME>=<key>; NAME is
// the room's chat id (so `wecom:<chatid>` conversations find it) or any name (reached as
// `wecom:hook:<NAME>`). WeCom allows each robot 20 messages a minute; the outbox paces to that.

const answer = z.object({ errcode: z.number(), errmsg: z.string().optional() }).passthrough();

// errcodes that mean "slow down": 45009 (API frequency), 45033 (concurrency).
const RATE_LIMITED = new Set([45009, 45033]);
const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

export class GroupRobots {
  private readonly keys = new Map<string, string>();

  constructor(
    hooks: Record<string, string>,
    private readonly apiRoot = 'https://qyapi.weixin.qq.com',
    private readonly timeoutMs = 10_000,
  ) {
    for (const [name, key] of Object.entries(hooks)) this.keys.set(name.toLowerCase(), key);
  }

  get size(): number {
    return this.keys.size;
  }

  keyFor(name: string): string | undefined {
    return this.keys.get(name.toLowerCase());
  }

  /** Posts one markdown message through a robot; failures as the outbox's SendError. */
  async post(key: string, content: string): Promise<void> {
    const url = `${this.apiRoot.replace(/\/+$/, '')}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`;
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }), signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      const code = (err as { cause?: { code?: string } }).cause?.code;
      throw new SendError(code && REFUSED.has(code) ? 'transient' : 'ambiguous', `wecom group robot: ${code ?? (err instanceof Error ? err.message : String(err))}`);
    }
    if (res.status === 429) throw new SendError('rate_limited', 'wecom group robot: HTTP 429', 60_000);
    if (res.status >= 500) throw new SendError('transient', `wecom group robot: HTTP ${res.status}`);
    const parsed = answer.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new SendError('ambiguous', `wecom group robot: unreadable answer (HTTP ${res.status})`);
    const { errcode, errmsg } = parsed.data;
    if (errcode === 0) return;
    const what = `wecom group robot: ${errcode} ${errmsg ?? ''}`.trim();
    if (RATE_LIMITED.has(errcode)) throw new SendError('rate_limited', what, 60_000);
    if (errcode === -1) throw new SendError('transient', what); // system busy
    throw new SendError('permanent', what);
  }
}
