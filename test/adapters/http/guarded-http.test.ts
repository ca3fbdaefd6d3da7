import { afterEach, describe, expect, it } from 'vitest';
import { GuardedHttp, type HttpLimits, type RouteHandler } from '../../../src/adapters/http/guarded-http.ts';
import { HealthBoard } from '../../../src/adapters/http/health-board.ts';
import { silentLogger, type Logger } from '../../../src/domain/log.ts';
import { rawRequest, requestBytes } from './raw-client.ts';

// The listener every HTTP surface sits behind: whatever a client sends, it answers plainly and keeps serving.

let http: GuardedHttp | undefined;
afterEach(async () => {
  await http?.close();
  http = undefined;
});

const errors: unknown[] = [];
const recordingLog: Logger = { ...silentLogger, error: (obj) => void errors.push(obj) };

async function serve(routes: [string, string, RouteHandler, { maxBodyBytes?: number }?][], limits: Partial<HttpLimits> = {}, health = new HealthBoard()) {
  http = new GuardedHttp({ name: 'test', log: recordingLog, health, limits });
  for (const [m, p, h, o] of routes) http.route(m, p, h, o);
  const port = await http.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${port}`;
}

const echo: RouteHandler = (req) => ({ status: 200, json: { bytes: [...req.body], query: req.query.get('q'), type: req.headers['content-type'] ?? null } });

describe('guarded http listener', () => {
  it('serves /healthz with each platform state and nothing else', async () => {
    const board = new HealthBoard();
    board.set('telegram', 'connecting');
    board.set('slack', 'online');
    const base = await serve([], {}, board);
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await r.json()).toEqual({ ok: true, platforms: { slack: 'online', telegram: 'connecting' } });
    board.set('telegram', 'failed');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: false, platforms: { slack: 'online', telegram: 'failed' } });
    const head = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    const post = await fetch(`${base}/healthz`, { method: 'POST', body: 'x' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('answers an unknown path with 404 and a known path with another method with 405 and Allow', async () => {
    const base = await serve([['POST', '/hook', echo], ['PUT', '/hook', echo]]);
    for (const path of ['/', '/hook/', '/HOOK', '/hook/x', '/favicon.ico', '/%zz']) {
      const r = await fetch(`${base}${path}`);
      expect([path, r.status, await r.text()]).toEqual([path, 404, 'not found\n']);
    }
    for (const method of ['GET', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await fetch(`${base}/hook`, { method });
      expect([method, r.status, r.headers.get('allow')]).toEqual([method, 405, 'POST, PUT']);
    }
    const ok = await fetch(`${base}/hook?q=1`, { method: 'POST', body: 'hi', headers: { 'content-type': 'text/plain' } });
    expect(await ok.json()).toEqual({ bytes: [104, 105], query: '1', type: 'text/plain' });
  });

  it('hands the route the raw body bytes exactly as sent, and the same Buffer as raw.rawBody', async () => {
    const sent = Buffer.from([0xff, 0x00, 0x7b, 0xe4, 0xbd, 0xa0, 0x0d, 0x0a]);
    let same = false;
    const base = await serve([['POST', '/sig', (req) => ((same = req.raw.rawBody === req.body), echo(req))]]);
    const r = await fetch(`${base}/sig`, { method: 'POST', body: sent });
    expect(((await r.json()) as { bytes: number[] }).bytes).toEqual([...sent]);
    expect(same).toBe(true);
  });

  it('refuses a body over the cap with 413, declared or streamed, without calling the route', async () => {
    let calls = 0;
    const counted: RouteHandler = (req) => (calls++, echo(req));
    const base = await serve([['POST', '/small', counted, { maxBodyBytes: 100 }], ['POST', '/default', counted]], { maxBodyBytes: 1000 });
    const port = Number(new URL(base).port);
    // Declared: answered before a byte of the body is read.
    const declared = await rawRequest(port, [requestBytes('POST', '/small', { 'content-length': 10 * 1024 * 1024 })]);
    expect(declared.status).toBe(413);
    expect(declared.text).toContain('body too large (limit 100 bytes)');
    // Streamed without a length: cut off once past the cap.
    const chunk = 'x'.repeat(400);
    const streamed = await rawRequest(port, [requestBytes('POST', '/default', { 'transfer-encoding': 'chunked' }), ...Array.from({ length: 5 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`)], { gapMs: 5 });
    expect(streamed.status).toBe(413);
    // Exactly at the cap is fine; one byte more is not.
    expect((await fetch(`${base}/small`, { method: 'POST', body: 'y'.repeat(100) })).status).toBe(200);
    expect((await fetch(`${base}/small`, { method: 'POST', body: 'y'.repeat(101) })).status).toBe(413);
    expect(calls).toBe(1);
  });

  it('times out slow headers and slow bodies with 408 or a closed socket, and idle sockets are closed', async () => {
    const base = await serve([['POST', '/hook', echo]], { headersTimeoutMs: 300, requestTimeoutMs: 400, idleTimeoutMs: 500 });
    const port = Number(new URL(base).port);
    const slowHeaders = await rawRequest(port, ['POST /hook HTTP/1.1\r\n', 'host: x\r\n', 'x-a: 1\r\n', 'x-b: 2\r\n', 'x-c: 3\r\n', 'x-d: 4\r\n'], { gapMs: 150, giveUpMs: 4_000 });
    expect(slowHeaders.closed).toBe(true);
    expect([0, 408]).toContain(slowHeaders.status);
    const slowBody = await rawRequest(port, [requestBytes('POST', '/hook', { 'content-length': 50 }), 'a', 'b'], { gapMs: 100, giveUpMs: 4_000 });
    expect(slowBody.closed).toBe(true);
    expect([0, 408]).toContain(slowBody.status);
    const silent = await rawRequest(port, [], { giveUpMs: 4_000 });
    expect(silent.closed).toBe(true);
    expect((await fetch(`${base}/hook`, { method: 'POST', body: 'ok' })).status).toBe(200);
  });

  it('answers garbage bytes with 400 and closes, and keeps serving', async () => {
    const base = await serve([['POST', '/hook', echo]]);
    const port = Number(new URL(base).port);
    for (const junk of ['\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03', 'HELLO\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nhost: x\r\n\r\n`, 'POST /hook HTTP/1.1\r\ncontent-length: abc\r\n\r\n']) {
      const r = await rawRequest(port, [Buffer.from(junk, 'latin1')]);
      expect(r.closed).toBe(true);
      expect([400, 431]).toContain(r.status);
    }
    expect((await fetch(`${base}/hook`, { method: 'POST', body: 'ok' })).status).toBe(200);
  });

  it('turns a throwing or rejecting handler into 500 plain text, logged, and a slow one into 503', async () => {
    errors.length = 0;
    const base = await serve(
      [
        ['POST', '/throws', () => { throw new Error('boom with secret xoxb-123'); }],
        ['POST', '/rejects', async () => Promise.reject(new Error('async boom'))],
        ['POST', '/slow', () => new Promise(() => {})],
      ],
      { handlerTimeoutMs: 200 },
    );
    for (const p of ['/throws', '/rejects']) {
      const r = await fetch(`${base}${p}`, { method: 'POST', body: '{}' });
      expect([r.status, await r.text()]).toEqual([500, 'internal error\n']);
    }
    expect(errors).toHaveLength(2);
    const slow = await fetch(`${base}/slow`, { method: 'POST', body: '{}' });
    expect(slow.status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('lets a handler take the response over by returning nothing', async () => {
    const base = await serve([['POST', '/own', (req) => void setTimeout(() => req.res.writeHead(202, { 'x-by': 'handler' }).end('later'), 10)]]);
    const r = await fetch(`${base}/own`, { method: 'POST', body: 'x' });
    expect([r.status, r.headers.get('x-by'), await r.text()]).toEqual([202, 'handler', 'later']);
  });

  it('refuses to mount a route twice or on /healthz', () => {
    const h = new GuardedHttp({ name: 't', log: silentLogger });
    h.route('POST', '/a', echo);
    expect(() => h.route('post', '/a', echo)).toThrow(/already mounted/);
    expect(() => h.route('GET', '/healthz', echo)).toThrow(/served by the listener/);
    expect(() => h.route('GET', 'a', echo)).toThrow(/must start/);
  });
});
