import { dmOf } from '../../chat/address.ts';
import { consoleAddress, consoleUser } from './console-ids.ts';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Incoming } from '../../chat/incoming.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { Choice, Reply } from '../../chat/reply.ts';
import type { ChatAdapter, IncomingHandler, Sent, Target } from '../../chat/chat-adapter.ts';
import { renderText } from '../../chat/text/render-text.ts';
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
  /** Language of the chat's own lines (`:as`, `:admin`): BOT_LANG, since they carry no language clue. */
  lang?: Lang;
  /** The local demo's way to an admin when none is configured (see local-admin.ts); absent elsewhere. */
  localAdmin?: LocalAdmin;
}

/** `:admin` in the terminal chat: makes the console user admin, only while no admin exists. */
export interface LocalAdmin {
  /** A line to add under a role refusal (how BOT_ADMINS works, or how to claim admin); undefined for none. */
  refusalHint(lang: Lang, user: string): string | undefined;
  /** Grants admin to `user` if nobody is admin yet; returns the line to print. */
  claim(lang: Lang, user: string): Promise<string>;
}

export const CONSOLE_ROOM = consoleAddress.encode({ platform: 'console', kind: 'group', id: 'ops-room' });

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
  /** True while no line is being answered: then a message the bot prints on its own redraws the prompt. */
  private waiting = false;

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
    const base = { platform: 'console' as const, conversation: this.opts.direct ? dmOf(consoleUser(this.user)) : CONSOLE_ROOM, user: consoleUser(this.user), userName: this.user, direct: !!this.opts.direct, messageId: `m${++this.lines}` };
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
    const promptLine = () => {
      this.waiting = true;
      if (this.opts.prompt !== false) this.output.write(`${this.user}> `);
    };
    const t = say(this.opts.lang ?? 'zh');
    this.closed = new Promise((resolve) => rl.once('close', () => resolve()));
    promptLine();
    // Lines are handled one at a time, in order, even when piped in quickly.
    let chain = Promise.resolve();
    rl.on('line', (line) => {
      this.waiting = false;
      chain = chain.then(async () => {
        this.waiting = false;
        const trimmed = line.trim();
        if (trimmed === ':quit' || trimmed === ':q') return void rl.close();
        const as = /^:as(?:\s+(.*))?$/.exec(trimmed);
        if (as) {
          const name = as[1]?.trim();
          if (name && /^\S+$/.test(name)) {
            this.user = name;
            write(t(`（现在以 console:${this.user} 的身份输入）`, `(now typing as console:${this.user})`));
          } else {
            write(t(`（:as 后面写要切换的用户名，例如「:as bob」；现在是 console:${this.user}）`, `(:as needs the name to type as, like ":as bob"; you are console:${this.user})`));
          }
        } else if (trimmed === ':admin') {
          write(this.opts.localAdmin ? await this.opts.localAdmin.claim(this.opts.lang ?? 'zh', consoleUser(this.user)) : t('（这里不提供 :admin）', '(:admin is not offered here)'));
        } else if (/^:[a-z]+$/i.test(trimmed)) {
          write(t(`（没有 ${trimmed} 这个终端指令。可用：:as 名字、:admin、:quit）`, `(There is no terminal command ${trimmed}. Try :as NAME, :admin or :quit.)`));
        } else if (trimmed) {
          const reply = await handler(this.toIncoming(trimmed));
          // The latest card's choices stay answerable by number (by anyone typing) until another card replaces them.
          const offered = reply.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : []));
          if (offered.length > 0 || reply.replaceOriginal) {
            this.choices = offered;
            this.choicesLang = reply.lang;
          }
          // In the terminal a refusal also says how to get the role here (BOT_ADMINS, or :admin on the local demo).
          const hint = (reply.data as { error?: string } | undefined)?.error === 'forbidden' ? this.opts.localAdmin?.refusalHint(reply.lang, consoleUser(this.user)) : undefined;
          write(`bot> ${this.render(reply).split('\n').join('\n     ')}${hint ? `\n     ${hint}` : ''}`);
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
    const charts = await chartLines(reply, this.opts.charts);
    this.notice(`📣 bot → ${where}\n     ${[...this.render(reply).split('\n'), ...charts].join('\n     ')}`);
    return { messageId: `console-${Date.now()}-${++this.sent}` };
  }

  /**
   * Prints what the bot says on its own (a scheduled message, an import notice) on fresh lines,
   * then draws the prompt again when the person was at it, so they can see where to type.
   */
  notice(lines: string): void {
    this.output.write(`\n${lines}\n`);
    if (this.waiting && this.opts.prompt !== false && this.rl) this.output.write(`${this.user}> `);
  }
}
