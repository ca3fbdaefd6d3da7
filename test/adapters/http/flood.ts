import { rawRequest, requestBytes, type RawAnswer } from './raw-client.ts';

// A bounded flood of malformed and unknown requests against one listener, each kind with the
// answers it may get. Loopback only. Used against every HTTP surface of the bot.

export interface BadRequest {
  kind: string;
  pieces: (string | Buffer)[];
  /** Statuses acceptable for this kind; 0 means the server closed without an answer. */
  allowed: number[];
  gapMs?: number;
  endAfter?: boolean;
}

export interface Outcome extends RawAnswer {
  kind: string;
  allowed: number[];
}

/** Deterministic junk bytes, so a failing run can be replayed. */
function junk(seed: number, n: number): Buffer {
  let x = seed || 1;
  return Buffer.from(Array.from({ length: n }, () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x & 0xff)));
}

/**
 * The kinds of bad request, for a listener serving POST `path`. `sign` adds the headers a
 * genuine sender would (so a signed but malformed body reaches the parser and gets 400);
 * `forge` the headers of a forger (wrong secret).
 */
export function badRequests(path: string, sign: (body: string) => Record<string, string>, forge: (body: string) => Record<string, string>, seed: number, slow: boolean): BadRequest[] {
  const json = { 'content-type': 'application/json' };
  const post = (body: string, headers: Record<string, string | number> = {}) => requestBytes('POST', path, { ...json, 'content-length': Buffer.byteLength(body), ...headers }, body);
  const mb = 'x'.repeat(256 * 1024);
  const list: BadRequest[] = [
    { kind: 'GET /', pieces: [requestBytes('GET', '/')], allowed: [404] },
    { kind: 'unknown path', pieces: [requestBytes('GET', `/admin/../../etc/passwd?${seed}`)], allowed: [404] },
    { kind: 'path with a suffix', pieces: [requestBytes('POST', `${path}x`, { 'content-length': 2 }, '{}')], allowed: [404] },
    { kind: 'favicon', pieces: [requestBytes('GET', '/favicon.ico')], allowed: [404] },
    { kind: 'POST /healthz', pieces: [requestBytes('POST', '/healthz', { 'content-length': 2 }, '{}')], allowed: [405] },
    ...['GET', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND'].map((m) => ({ kind: `${m} on the route`, pieces: [requestBytes(m, path)], allowed: [405] })),
    { kind: 'declared 10 MB body', pieces: [requestBytes('POST', path, { ...json, 'content-length': 10 * 1024 * 1024 }), mb], allowed: [413] },
    // Streamed without a length, past the 1 MiB cap: answered 413, or cut off while still sending.
    { kind: 'streamed 2 MB body', pieces: [requestBytes('POST', path, { ...json, 'transfer-encoding': 'chunked' }), ...Array.from({ length: 8 }, () => `${mb.length.toString(16)}\r\n${mb}\r\n`)], allowed: [413, 0] },
    { kind: 'unsigned bad JSON', pieces: [post('{"type":"event_callback",')], allowed: [401] },
    { kind: 'signed bad JSON', pieces: [post('{"update_id":', sign('{"update_id":'))], allowed: [400] },
    // Bolt acks what no listener takes with 404 after 3 s; Telegram's listener refuses it at once.
    { kind: 'signed JSON that is no event', pieces: [post('[1,2,3]', sign('[1,2,3]'))], allowed: [400, 404] },
    { kind: 'forged signature', pieces: [post('{"update_id":1}', forge('{"update_id":1}'))], allowed: [401] },
    { kind: 'truncated body', pieces: [requestBytes('POST', path, { ...json, 'content-length': 500 }, '{"type":"event_c')], allowed: [400, 0], endAfter: true },
    { kind: 'bad content-length', pieces: [requestBytes('POST', path, { 'content-length': '12abc' }, '{}')], allowed: [400] },
    { kind: 'TLS hello on plain HTTP', pieces: [Buffer.concat([Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01]), junk(seed, 200)])], allowed: [400] },
    { kind: 'random bytes', pieces: [junk(seed + 1, 512)], allowed: [400] },
    { kind: 'NUL in the request line', pieces: [`GET /\0 HTTP/1.1\r\nhost: x\r\n\r\n`], allowed: [400] },
    { kind: 'huge header', pieces: [requestBytes('GET', path, { 'x-pad': 'p'.repeat(40_000) })], allowed: [431, 400] },
  ];
  if (slow) {
    list.push(
      { kind: 'slow headers', pieces: ['POST ', `${path} HTTP/1.1\r\n`, 'host: x\r\n', 'x-a: 1\r\n', 'x-b: 2\r\n', 'x-c: 3\r\n', 'x-d: 4\r\n', 'x-e: 5\r\n'], gapMs: 200, allowed: [408, 0] },
      { kind: 'slow body', pieces: [requestBytes('POST', path, { ...json, 'content-length': 100, ...sign('x'.repeat(100)) }), 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'], gapMs: 200, allowed: [408, 0] },
    );
  }
  return list;
}

/** Sends every bad request `rounds` times, `concurrency` at a time; returns what came back. */
export async function flood(port: number, requests: (round: number) => BadRequest[], rounds: number, concurrency = 12): Promise<Outcome[]> {
  const queue = Array.from({ length: rounds }, (_, r) => requests(r)).flat();
  const out: Outcome[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const r = await rawRequest(port, next.pieces, { giveUpMs: 10_000, ...(next.gapMs ? { gapMs: next.gapMs } : {}), ...(next.endAfter ? { endAfter: true } : {}) });
      out.push({ ...r, kind: next.kind, allowed: next.allowed });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

/** The outcomes that were not one of their kind's acceptable answers (for a readable failure). */
export function unexpected(outcomes: Outcome[]): string[] {
  return outcomes.filter((o) => !o.allowed.includes(o.status) || (o.status === 0 && !o.closed)).map((o) => `${o.kind}: got ${o.status || 'no answer'}${o.closed ? ' (closed)' : ''}`);
}
