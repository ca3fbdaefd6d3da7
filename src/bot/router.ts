import type { Logger } from '../domain/log.ts';
import { holds } from '../domain/roles.ts';
import { DamagedDocumentError } from '../domain/damaged-document.ts';
import { damagedReply, withDataWarning } from './damaged-data-reply.ts';
import { BotError } from './errors.ts';
import type { Incoming } from '../chat/incoming.ts';
import { detectLang, say, type Lang } from '../chat/lang.ts';
import { normalizeText } from './normalize.ts';
import type { Registry } from './registry.ts';
import { text, type Reply } from '../chat/reply.ts';
import { roleName } from './role-names.ts';
import type { Services } from './services.ts';
import type { CommandContext } from './spec.ts';
import { chartsOn } from '../features/charts/chart-prefs.ts';

/**
 * The one place a message becomes a Reply: match a command, check the role,
 * parse and zod-check the arguments, run the handler, and turn every failure
 * into a polite answer. Button presses arrive as actions and run the command
 * they name, through the same checks as typed text.
 */
export class Bot {
  constructor(
    readonly services: Services,
    readonly registry: Registry,
    private readonly log: Logger = services.log,
  ) {}

  async handle(incoming: Incoming): Promise<Reply> {
    const reply = await this.answer(incoming);
    // Charts stay in the reply (text renderers and --json use them); only the pictures follow the conversation's choice.
    if (reply.blocks.some((b) => b.type === 'chart') && !(await chartsOn(this.services.docs, incoming.conversation))) return { ...reply, chartImages: false };
    return reply;
  }

  private async answer(incoming: Incoming): Promise<Reply> {
    const raw = incoming.action ? `${incoming.action.id} ${incoming.action.value}` : (incoming.text ?? '');
    const lang: Lang = incoming.action ? (incoming.lang ?? this.services.store.lang) : detectLang(incoming.text, incoming.lang ?? this.services.store.lang);
    const t = say(lang);
    const normalized = normalizeText(raw);
    const roles = this.services.roles.rolesOf(incoming.user);
    const ctx: CommandContext = { incoming, lang, services: this.services, roles };
    if (!normalized) return this.hint(lang);
    const match = this.registry.match(normalized);
    if (!match) return this.hint(lang);
    const { spec, rest } = match;
    try {
      if (!holds(roles, spec.role) && !(spec.alsoRoles ?? []).some((r) => holds(roles, r))) {
        return {
          lang,
          blocks: [text(t(`这个操作需要「${roleName(spec.role, 'zh')}」角色（${spec.role}）${(spec.alsoRoles ?? []).map((r) => `或「${roleName(r, 'zh')}」（${r}）`).join('')}。请管理员用 grant 授权。`, `This needs the ${roleName(spec.role, 'en')} role (${spec.role})${(spec.alsoRoles ?? []).map((r) => ` or ${roleName(r, 'en')} (${r})`).join('')}. Ask an admin to grant it.`), 'warning')],
          data: { error: 'forbidden', command: spec.id, needs: spec.role },
        };
      }
      const rawArgs = spec.parse(rest, ctx);
      const checked = spec.args.safeParse(rawArgs);
      if (!checked.success) {
        const ex = spec.examples[lang][0] ?? spec.examples.en[0];
        // Our own schema messages read like "a delay like 3d" (or "3天这样的时长 | a delay like 3d");
        // zod's generic ones are not worth showing, and an English-only one is not shown to a Chinese asker.
        const first = checked.error.issues[0]?.message ?? '';
        const [zhWhy, enWhy] = first.includes(' | ') ? first.split(' | ') : [/[\u4e00-\u9fff]/.test(first) ? first : '', first];
        const why = lang === 'zh' ? zhWhy : /^(a|an|at|on|one|the) /.test(enWhy) ? enWhy : '';
        return this.problemReply(lang, new BotError('bad_args', { zh: `「${spec.summary.zh}」没看懂${why ? `：${why}` : ''}`, en: `${spec.summary.en}: I couldn't read that${why ? ` — expected ${why}` : ''}` }, { zh: spec.examples.zh[0] ?? ex, en: spec.examples.en[0] ?? ex }));
      }
      return withDataWarning(await spec.handle(ctx, checked.data), this.services.orders.state, lang);
    } catch (err) {
      if (err instanceof BotError) return this.problemReply(lang, err);
      if (err instanceof DamagedDocumentError) {
        this.log.error({ damaged: err.damage, command: spec.id }, 'command refused: data damaged');
        return damagedReply(lang, err.damage);
      }
      const ref = Math.random().toString(36).slice(2, 8);
      this.log.error({ err, ref, command: spec.id, user: incoming.user, conversation: incoming.conversation }, 'command failed');
      return { lang, blocks: [text(t(`抱歉，处理时出了点问题（编号 ${ref}），已记录。请稍后再试。`, `Sorry, something went wrong on our side (ref ${ref}); it has been logged. Please try again shortly.`), 'warning')], data: { error: 'internal', ref } };
    }
  }

  private problemReply(lang: Lang, err: BotError): Reply {
    const t = say(lang);
    const blocks = [text(err.text[lang], 'warning')];
    if (err.example) blocks.push(text(t(`例如：${err.example.zh}`, `For example: ${err.example.en}`), 'muted'));
    return { lang, blocks, data: { error: err.code, message: err.text[lang], ...err.extra } };
  }

  /** What we say to a message we cannot place: two examples that would work. */
  hint(lang: Lang): Reply {
    const t = say(lang);
    return {
      lang,
      blocks: [
        text(t('没太明白。可以这样问：', "Sorry, I didn't get that. Try:")),
        text(t('今天GMV多少\n上周 按渠道 退款率', 'gmv today\nrefund rate last week by channel')),
        text(t('发送「帮助」查看全部功能。', 'Send "help" to see everything I can do.'), 'muted'),
      ],
      data: { error: 'not_understood' },
    };
  }
}
