import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RouteAnswer } from './http-route.ts';

// How a guarded listener writes its answers: plain text refusals, JSON, and raw-socket replies
// to bytes that never became a request.

/** The client said a body comes and it has not all been read (a GET without one is complete as it is). */
export function bodyPending(req: IncomingMessage): boolean {
  if (req.complete) return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function answer(req: IncomingMessage, res: ServerResponse, a: RouteAnswer): void {
  if (res.headersSent || res.writableEnded) return;
  const headers: Record<string, string | number> = { ...a.headers };
  let payload: Buffer | undefined = a.body;
  if (a.json !== undefined) {
    payload = Buffer.from(JSON.stringify(a.json));
    headers['content-type'] ??= 'application/json; charset=utf-8';
  } else if (a.text !== undefined) {
    payload = Buffer.from(a.text);
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  }
  headers['content-length'] = payload?.length ?? 0;
  if (bodyPending(req)) headers.connection = 'close';
  res.writeHead(a.status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

/** A plain-text refusal. When the body was not read, the connection closes soon after, so nobody streams on. */
export function refuse(req: IncomingMessage, res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  const unread = bodyPending(req);
  answer(req, res, { status, text: `${text}\n`, headers });
  if (unread) res.once('finish', () => setTimeout(() => req.socket.destroy(), 1_000).unref());
}

/** Bytes that are not HTTP, headers sent too slowly, oversized headers: answer if we still can, then close. */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) return void socket.destroy();
  const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  setTimeout(() => socket.destroy(), 1_000).unref();
}
