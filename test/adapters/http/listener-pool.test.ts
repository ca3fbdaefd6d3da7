import { afterEach, describe, expect, it } from 'vitest';
import { ListenerPool, type ListenerLease } from '../../../src/adapters/http/listener-pool.ts';
import { HealthBoard } from '../../../src/adapters/http/health-board.ts';
import { silentLogger } from '../../../src/domain/log.ts';

// Adapters configured on the same port share one guarded listener; it closes when the last leaves.

async function freePort(): Promise<number> {
  const pool = new ListenerPool();
  const probe = await pool.acquire({ port: 0, host: '127.0.0.1', log: silentLogger });
  const { port } = probe;
  await probe.release();
  return port;
}

const held: ListenerLease[] = [];
afterEach(async () => {
  for (const l of held.splice(0)) await l.release();
});

describe('listener pool', () => {
  it('gives adapters on one port one listener, serving both paths, until the last releases it', async () => {
    const pool = new ListenerPool();
    const port = await freePort();
    const health = new HealthBoard();
    health.set('slack', 'online');
    const a = await pool.acquire({ port, host: '127.0.0.1', log: silentLogger, health });
    const b = await pool.acquire({ port, host: '127.0.0.1', log: silentLogger });
    held.push(a, b);
    expect(b.http).toBe(a.http);
    a.http.route('POST', '/slack/events', () => ({ status: 200, text: 'slack' }));
    b.http.route('POST', '/telegram', () => ({ status: 200, text: 'telegram' }));
    const post = async (path: string) => {
      const r = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body: '{}' });
      return `${r.status} ${await r.text()}`;
    };
    expect([await post('/slack/events'), await post('/telegram')]).toEqual(['200 slack', '200 telegram']);
    expect(() => b.http.route('POST', '/slack/events', () => ({ status: 200 }))).toThrow(/already mounted/);
    // One adapter stops: its path is gone, the other's still served on the same port.
    a.http.unroute('POST', '/slack/events');
    await a.release();
    await a.release(); // twice is harmless
    expect([await post('/slack/events'), await post('/telegram')]).toEqual(['404 not found\n', '200 telegram']);
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ ok: true, platforms: { slack: 'online' } });
    await b.release();
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    // Once closed, the port can be taken again.
    held.push(await pool.acquire({ port, host: '127.0.0.1', log: silentLogger }));
  });

  it('never shares port 0, and a port taken by someone else fails the start with EADDRINUSE', async () => {
    const pool = new ListenerPool();
    const a = await pool.acquire({ port: 0, host: '127.0.0.1', log: silentLogger });
    const b = await pool.acquire({ port: 0, host: '127.0.0.1', log: silentLogger });
    held.push(a, b);
    expect(a.port).not.toBe(b.port);
    const other = new ListenerPool(); // another process, as far as this pool knows
    await expect(other.acquire({ port: a.port, host: '127.0.0.1', log: silentLogger })).rejects.toThrow(/EADDRINUSE/);
  });
});
