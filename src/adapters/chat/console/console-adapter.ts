import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Incoming } from '../../../commands/incoming.ts';
import type { Choice, Reply } from '../../../commands/reply.ts';
import type { ChatAdapter, IncomingHandler, Sent, Target } from '../chat-adapter.ts';
import { renderText } from '../text/render-text.ts';
import { chartLines, type ConsoleCharts } from './console-charts.ts';

export interface ConsoleOptions {
  user: string;
  input?: Readable;
  output?: Writable;
  /** The terminal chat stands for a group room by default; `direct` makes it a DM. */
  direct?: boolean;
  prompt?: boolean;
  /** Charts as PNGs under DATA_DIR/charts, their paths printed with a sparkline; without it charts stay text. */
  charts?: ConsoleCharts;
}

export const CONSOLE_ROOM = 'console:ops-room';

/**
 * The terminal chat: a person types, the bot answers below. Messages the bot
 * sends first (reminders, escalations) are printed as they are dispatched.
 * `:as bob` switches who is typing; numbered choices can be answered by number.
 */
export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console' as const;
  private rl?: Interface;
  private user: string;
  private choices: Choice[] = [];
  private choicesLang?: Reply['lang'];
  private sent = 0;
  private lines = 0;
  private closed?: Promise<void>;

  constructor(private readonly opts: ConsoleOptions) {
    this.user = opts.user;
  }

  get output(): Writable {
    return this.opts.output ?? process.stdout;
  }

  toIncoming(line: string): Incoming {
    const n = /^\s*(\d{1,2})\s*$/.exec(line);
    const choice = n ? this.choices[Number(n[1]) - 1] : undefined;
    // Each typed line gets a message id, so a feature can open a thread on it (a complaint, an approval).
    const base = { platform: 'console' as const, conversation: this.opts.direct ? `console:dm:${this.user}` : CONSOLE_ROOM, user: `console:${this.user}`, userName: this.user, direct: !!this.opts.direct, messageId: `m${++this.lines}` };
    // A number answers the card: the press speaks the card's language, like a button would.
    return choice ? { ...base, action: choice.action, ...(this.choicesLang ? { lang: this.choicesLang } : {}) } : { ...base, text: line };
  }

  render(reply: Reply): string {
    return renderText(reply);
  }

  async start(handler: IncomingHandler): Promise<void> {
    const rl = createInterface({ input: this.opts.input ?? process.stdin, output: this.opts.prompt === false ? undefined : this.output, terminal: false });
    this.rl = rl;
    const write = (s: string) => this.output.write(`${s}\n`);
    const promptLine = () => this.opts.prompt !== false && this.output.write(`${this.user}> `);
    this.closed = new Promise((resolve) => rl.once('close', () => resolve()));
    promptLine();
    // Lines are handled one at a time, in order, even when piped in quickly.
    let chain = Promise.resolve();
    rl.on('line', (line) => {
      chain = chain.then(async () => {
        const trimmed = line.trim();
        if (trimmed === ':quit' || trimmed === ':q') return void rl.close();
        const as = /^:as\s+(\S+)$/.exec(trimmed);
        if (as) {
          this.user = as[1];
          write(`(now typing as console:${this.user})`);
        } else if (trimmed) {
          const reply = await handler(this.toIncoming(trimmed));
          // The latest card's choices stay answerable by number (by anyone typing) until another card replaces them.
          const offered = reply.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : []));
          if (offered.length > 0 || reply.replaceOriginal) {
            this.choices = offered;
            this.choicesLang = reply.lang;
          }
          write(`bot> ${this.render(reply).split('\n').join('\n     ')}`);
          for (const l of await chartLines(reply, this.opts.charts)) write(`     ${l}`);
        }
        promptLine();
      });
    });
    await this.closed;
    await chain;
  }

  /** Resolves when the person ends the chat (Ctrl-D, :quit, end of piped input). */
  done(): Promise<void> {
    return this.closed ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    this.rl?.close();
  }

  async send(target: Target, reply: Reply): Promise<Sent> {
    const where = target.thread ? `${target.conversation} › ${target.thread}` : target.conversation;
    this.output.write(`\n📣 bot → ${where}\n     ${this.render(reply).split('\n').join('\n     ')}\n`);
    for (const l of await chartLines(reply, this.opts.charts)) this.output.write(`     ${l}\n`);
    return { messageId: `console-${Date.now()}-${++this.sent}` };
  }
}
