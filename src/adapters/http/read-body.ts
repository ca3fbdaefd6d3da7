import type { IncomingMessage } from 'node:http';

export type BodyOutcome = { kind: 'body'; body: Buffer } | { kind: 'too-large' } | { kind: 'timeout' } | { kind: 'aborted' };

/**
 * Reads a request body up to `cap` bytes within `timeoutMs`. Past the cap nothing more is
 * kept: the bytes already held are dropped and later chunks are only counted, so a 10 MB
 * body costs at most `cap` bytes of memory. The caller answers 413/408 and closes.
 */
export function readBody(req: IncomingMessage, cap: number, timeoutMs: number): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      chunks = [];
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (settled) {
        // Draining after a refusal: a client that keeps pushing past twice the cap is cut off.
        if (size > 2 * cap) req.socket.destroy();
        return;
      }
      if (size > cap) return settle({ kind: 'too-large' });
      chunks.push(chunk);
    });
    req.once('end', () => settle({ kind: 'body', body: Buffer.concat(chunks, size) }));
    req.once('error', () => settle({ kind: 'aborted' }));
    req.once('close', () => settle({ kind: 'aborted' })); // after 'end' this is a no-op
  });
}
