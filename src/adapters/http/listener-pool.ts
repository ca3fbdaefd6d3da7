import type { Logger } from '../../domain/log.ts';
import { GuardedHttp, type HttpLimits } from './guarded-http.ts';
import type { HealthBoard } from './health-board.ts';

/** One adapter's hold on a shared listener: mount routes on `http`, then `release()` when stopping. */
export interface ListenerLease {
  http: GuardedHttp;
  /** The port actually bound (differs from the asked one only for port 0). */
  port: number;
  /** Unmounts nothing by itself (unroute your paths first); closes the listener when the last user leaves. */
  release(): Promise<void>;
}

interface Entry {
  http: GuardedHttp;
  users: number;
  ready: Promise<number>;
}

/**
 * One guarded listener per address and port, shared by every adapter configured on it: Slack
 * on 3000 and the Telegram webhook on 3000 mount their paths on one server, behind one proxy.
 * The first adapter's limits are the listener's (each route keeps its own body cap). Port 0
 * (tests) is never shared: each asks for a port of its own.
 */
export class ListenerPool {
  private readonly open = new Map<string, Entry>();

  async acquire(opts: { port: number; host?: string | undefined; log: Logger; limits?: Partial<HttpLimits> | undefined; health?: HealthBoard | undefined }): Promise<ListenerLease> {
    const key = `${opts.host ?? '*'}:${opts.port}`;
    let entry = opts.port === 0 ? undefined : this.open.get(key);
    if (!entry) {
      const http = new GuardedHttp({ name: `http:${opts.port}`, log: opts.log, ...(opts.limits ? { limits: opts.limits } : {}), ...(opts.health ? { health: opts.health } : {}) });
      const created: Entry = { http, users: 0, ready: http.listen(opts.port, opts.host) };
      if (opts.port !== 0) this.open.set(key, created);
      created.ready.catch(() => this.open.get(key) === created && this.open.delete(key));
      entry = created;
    }
    entry.users++;
    const held = entry;
    let port: number;
    try {
      port = await held.ready;
    } catch (err) {
      held.users--;
      throw err;
    }
    let released = false;
    return {
      http: held.http,
      port,
      release: async () => {
        if (released) return;
        released = true;
        if (--held.users > 0) return;
        if (this.open.get(key) === held) this.open.delete(key);
        await held.http.close();
      },
    };
  }
}

/** The process's pool: every HTTP surface of the bot takes its listener from here. */
export const listenerPool = new ListenerPool();
