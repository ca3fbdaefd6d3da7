import { z } from 'zod';

// What WeCom sends a smart bot, checked at the edge. The same bodies arrive over the long
// connection (`aibot_msg_callback` / `aibot_event_callback` frames) and, decrypted, over
// callback mode. Unknown fields pass through; a body that lacks what we read is refused.

const from = z.object({ userid: z.string().min(1), corpid: z.string().optional() }).passthrough();
const content = z.object({ content: z.string() }).passthrough();
const mixed = z.object({ msg_item: z.array(z.object({ msgtype: z.string(), text: content.optional() }).passthrough()) }).passthrough();

const quote = z
  .object({ msgtype: z.string(), text: content.optional(), voice: content.optional(), mixed: mixed.optional() })
  .passthrough();

export const messageBody = z
  .object({
    msgid: z.string().min(1),
    aibotid: z.string().optional(),
    chatid: z.string().optional(),
    chattype: z.enum(['single', 'group']),
    from,
    create_time: z.number().optional(),
    response_url: z.string().optional(),
    msgtype: z.string(),
    text: content.optional(),
    voice: content.optional(),
    mixed: mixed.optional(),
    quote: quote.optional(),
  })
  .passthrough();

export type MessageBody = z.infer<typeof messageBody>;

// The documentation nests the card event under `template_card_event`; the SDK's types put
// event_key and task_id beside eventtype. Both are read.
const cardEvent = z.object({ card_type: z.string().optional(), event_key: z.string().optional(), task_id: z.string().optional() }).passthrough();

export const eventBody = z
  .object({
    msgid: z.string().min(1),
    create_time: z.number().optional(),
    aibotid: z.string().optional(),
    chatid: z.string().optional(),
    chattype: z.enum(['single', 'group']).optional(),
    from,
    msgtype: z.literal('event'),
    response_url: z.string().optional(),
    event: z
      .object({ eventtype: z.string(), template_card_event: cardEvent.optional(), event_key: z.string().optional(), task_id: z.string().optional() })
      .passthrough(),
  })
  .passthrough();

export type EventBody = z.infer<typeof eventBody>;

/** The pressed button's key and the card's task id, for a template-card event. */
export function pressOf(body: EventBody): { key: string; taskId?: string } | undefined {
  if (body.event.eventtype !== 'template_card_event') return undefined;
  const key = body.event.template_card_event?.event_key ?? body.event.event_key;
  const taskId = body.event.template_card_event?.task_id ?? body.event.task_id;
  return key ? { key, ...(taskId ? { taskId } : {}) } : undefined;
}
