import { connect } from 'node:net';

/** What came back on a raw socket: the status line's code (0 if none) and everything read. */
export interface RawAnswer {
  status: number;
  text: string;
  /** The server closed or reset the connection (rather than us giving up). */
  closed: boolean;
}

/**
 * Writes bytes to 127.0.0.1:port as they are (pieces with pauses between them, for slow
 * clients) and reads until the server closes or `giveUpMs` passes. For requests fetch will not send.
 */
export function rawRequest(port: number, pieces: (string | Buffer)[], opts: { gapMs?: number; giveUpMs?: number; endAfter?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    const done = () => {
      clearTimeout(giveUp);
      const text = Buffer.concat(chunks).toString('latin1');
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text, closed });
    };
    const giveUp = setTimeout(done, opts.giveUpMs ?? 5_000);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => {
      closed = true;
      done();
    });
    socket.on('close', () => {
      closed = true;
      done();
    });
    socket.on('connect', async () => {
      for (const [i, p] of pieces.entries()) {
        if (i > 0 && opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs));
        if (socket.destroyed) return;
        socket.write(p);
      }
      if (opts.endAfter) socket.end();
    });
  });
}

/** A plain HTTP/1.1 request as bytes, with Connection: close unless headers say otherwise. */
export function requestBytes(method: string, path: string, headers: Record<string, string | number> = {}, body = ''): string {
  const all = { host: '127.0.0.1', connection: 'close', ...headers };
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(all).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`;
}
