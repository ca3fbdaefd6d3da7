import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../../domain/log.ts';
import type { GuardedHttp, RouteAnswer, RouteRequest } from '../../adapters/http/guarded-http.ts';
import type { IncomingHandler } from '../../chat/chat-adapter.ts';
import { decided, outgoingOf, stampOf, WELCOME } from './wecom-answers.ts';
import { CryptoRefusal, type WecomCrypto } from './wecom-crypto.ts';
import { pressIncoming, toIncoming } from './wecom-incoming.ts';
import { PUSH_BYTES } from './wecom-render.ts';
import type { ResponseUrls } from './wecom-response-url.ts';
import type { SeenBefore } from '../../chat/seen-before.ts';

// Callback mode: WeCom calls `/wecom/bot` on the bot's own port. GET is the URL check (answer the
// decrypted echostr within a second); POST carries `{"encrypt": …}`. Everything is verified before
// anything changes: the signature over the raw ciphertext, a timestamp within 5 minutes, the
// padding and the receive id ("" for an internal bot). A refusal is 403 and records nothing.
// Answers go back encrypted in the response (a stream, a stream with a card, or the card
// rewritten after a decision); what does not fit goes once through the callback's response_url.

export const CALLBACK_PATH = '/wecom/bot';
/** A smart-bot callback is a small JSON envelope; nothing larger is read. */
export const MAX_CALLBACK_BYTES = 64 * 1024;
const SKEW_MS = 5 * 60_000;
const ANSWER_WITHIN_MS = 4000; // WeCom waits about 5 s for a passive reply

const signed = z.object({ msg_signature: z.string().min(1), timestamp: z.string().regex(/^\d{1,13}$/), nonce: z.string().min(1) });
const envelope = z.object({ encrypt: z.string().min(1) });

export interface CallbackDeps {
  crypto: WecomCrypto;
  seen: SeenBefore;
  responses: ResponseUrls;
  log: Logger;
  timeZone: string;
  /** The store's clock, for the "decided at" stamp (BOT_NOW fixes it); freshness is checked on real time. */
  now?: () => number;
  answerWithinMs?: number;
}

const refuse = (why: string): RouteAnswer => ({ status: 403, text: `forbidden: ${why}\n` });

/** Mounts GET and POST /wecom/bot; returns the unmount for when the adapter stops. */
export function mountCallback(http: GuardedHttp, handler: IncomingHandler, deps: CallbackDeps): () => void {
  const now = deps.now ?? Date.now;
  const { crypto, log } = deps;

  /** The decrypted plaintext, or the 403/400 to answer. */
  function open(req: RouteRequest, encrypted: string | undefined): { plain: string } | { answer: RouteAnswer } {
    const q = signed.safeParse(Object.fromEntries(req.query));
    if (!q.success || !encrypted) return { answer: { status: 400, text: 'expected msg_signature, timestamp, nonce and a ciphertext\n' } };
    const { msg_signature, timestamp, nonce } = q.data;
    if (!crypto.verify(msg_signature, timestamp, nonce, encrypted)) return { answer: refuse('bad signature') };
    if (Math.abs(Date.now() - Number(timestamp) * 1000) > SKEW_MS) return { answer: refuse('timestamp outside 5 minutes') };
    try {
      return { plain: crypto.decrypt(encrypted) };
    } catch (err) {
      if (err instanceof CryptoRefusal) return { answer: refuse(err.reason.replace(/_/g, ' ')) };
      throw err;
    }
  }

  const sealed = (payload: unknown): RouteAnswer => ({ status: 200, json: crypto.seal(JSON.stringify(payload), String(Math.floor(Date.now() / 1000)), randomBytes(8).toString('hex')) });

  http.route('GET', CALLBACK_PATH, (req) => {
    const opened = open(req, req.query.get('echostr') ?? undefined);
    if ('answer' in opened) {
      if (opened.answer.status === 403) log.warn({ platform: 'wecom', why: opened.answer.text?.trim() }, 'wecom URL check refused');
      return opened.answer;
    }
    log.info({ platform: 'wecom' }, 'wecom callback URL verified');
    return { status: 200, text: opened.plain };
  }, { maxBodyBytes: MAX_CALLBACK_BYTES });

  http.route('POST', CALLBACK_PATH, async (req) => {
    const body = envelope.safeParse(safeJson(req.body.toString('utf8')));
    const opened = open(req, body.success ? body.data.encrypt : undefined);
    if ('answer' in opened) {
      if (opened.answer.status === 403) log.warn({ platform: 'wecom', why: opened.answer.text?.trim() }, 'wecom callback refused');
      return opened.answer;
    }
    const raw = safeJson(opened.plain) as { msgid?: unknown; msgtype?: unknown; response_url?: unknown } | undefined;
    if (!raw || typeof raw.msgid !== 'string') return { status: 400, text: 'not a WeCom smart-bot callback\n' };
    if (await deps.seen.seen(`msg:${raw.msgid}`)) return { status: 200, text: '' };
    const receivedAt = Date.now();
    const responseUrl = typeof raw.response_url === 'string' ? raw.response_url : undefined;
    const later = (markdown: string) => (responseUrl ? deps.responses.post(responseUrl, receivedAt, { msgtype: 'markdown', markdown: { content: markdown } }) : Promise.resolve(false));

    if (raw.msgtype === 'event') {
      if ((raw as { event?: { eventtype?: unknown } }).event?.eventtype === 'enter_chat') return sealed({ msgtype: 'text', text: { content: WELCOME } });
      const press = pressIncoming(raw);
      if (!press) return { status: 200, text: '' };
      const reply = await handler(press.incoming);
      const userid = press.body.from.userid;
      if ((reply.replaceOriginal || reply.ephemeral) && press.taskId) {
        const card = decided(reply, press.taskId, userid, press.incoming.conversation, stampOf(now(), deps.timeZone));
        // A note only the presser needs (not allowed, already decided) rewrites only their copy.
        return sealed({ response_type: 'update_template_card', ...(reply.ephemeral ? { userids: [userid] } : {}), template_card: card });
      }
      void later(outgoingOf(reply, press.incoming.conversation, PUSH_BYTES).markdown.join('\n\n'));
      return { status: 200, text: '' };
    }

    const incoming = toIncoming(raw);
    if (!incoming) return { status: 200, text: '' };
    const answer = handler(incoming).then((reply) => outgoingOf(reply, incoming.conversation));
    const inTime = await Promise.race([answer, new Promise<undefined>((r) => setTimeout(() => r(undefined), deps.answerWithinMs ?? ANSWER_WITHIN_MS).unref())]);
    if (!inTime) {
      // Too slow for a passive reply: answer through response_url when it is ready.
      void answer.then((o) => later(o.markdown.join('\n\n'))).catch((err: unknown) => log.error({ err, platform: 'wecom' }, 'wecom answer failed'));
      return { status: 200, text: '' };
    }
    const [first, ...rest] = inTime.markdown;
    if (rest.length) void later(rest.join('\n\n'));
    const stream = { id: randomBytes(8).toString('hex'), finish: true, content: first };
    return sealed(inTime.card ? { msgtype: 'stream_with_template_card', stream, template_card: inTime.card } : { msgtype: 'stream', stream });
  }, { maxBodyBytes: MAX_CALLBACK_BYTES });
  return () => {
    http.unroute('GET', CALLBACK_PATH);
    http.unroute('POST', CALLBACK_PATH);
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
