import { GrammyError, HttpError } from 'grammy';
import { SendError } from '../../chat/chat-adapter.ts';

// grammY's failures in the outbound engine's terms. grammY itself never retries; a
// GrammyError means Telegram answered (so we know whether it took the message), an
// HttpError means the request failed on the way, where only a refused connection
// proves nothing was sent.

const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function codeOf(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

export function toSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  if (err instanceof GrammyError) {
    const moved = err.parameters.migrate_to_chat_id;
    const what = `telegram ${err.method}: ${err.error_code} ${err.description}${moved ? ` (the group is now telegram:${moved})` : ''}`;
    if (err.error_code === 429) return new SendError('rate_limited', what, (err.parameters.retry_after ?? 1) * 1000);
    if (err.error_code >= 500) return new SendError('transient', what);
    return new SendError('permanent', what);
  }
  if (err instanceof HttpError) {
    const code = codeOf(err.error);
    return new SendError(code && REFUSED.has(code) ? 'transient' : 'ambiguous', `telegram ${err.message}${code ? ` (${code})` : ''}`);
  }
  return new SendError('ambiguous', `telegram: ${err instanceof Error ? err.message : String(err)}`);
}
