import type { Logger } from '../../domain/log.ts';

// A callback's response_url: one POST of plain JSON, within the hour WeCom gives it. Used when
// an answer does not fit the passive reply (too slow, too long, or a press that is not a decision).

const HOUR_MS = 3600_000;
const KEEP = 1000;

export class ResponseUrls {
  private readonly used = new Set<string>();
  constructor(
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Posts `body` once to `url`; false (and a log line) when it was used, expired or refused. */
  async post(url: string, receivedAt: number, body: unknown): Promise<boolean> {
    if (this.used.has(url)) return false;
    if (this.now() - receivedAt > HOUR_MS) {
      this.log.warn({ platform: 'wecom' }, 'wecom response_url older than an hour; answer dropped');
      return false;
    }
    this.used.add(url);
    if (this.used.size > KEEP) this.used.delete(this.used.values().next().value!);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
      const answer = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string };
      if (!res.ok || (answer.errcode ?? 0) !== 0) {
        this.log.warn({ platform: 'wecom', status: res.status, errcode: answer.errcode, errmsg: answer.errmsg }, 'wecom response_url refused the answer');
        return false;
      }
      return true;
    } catch (err) {
      this.log.warn({ platform: 'wecom', err: err instanceof Error ? err.message : String(err) }, 'wecom response_url unreachable');
      return false;
    }
  }
}
