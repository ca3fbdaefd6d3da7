import type { BotCommand } from 'grammy/types';
import type { CommandSpec } from '../../bot/spec.ts';

// The menu Telegram shows after "/": one entry per visible command, named by its first
// English phrase (or the first word of its first example, for free-text commands like
// `gmv today`), described in English by default and in Chinese for language_code zh.

const NAME = /^[a-z][a-z0-9_]{0,31}$/;

export interface CommandMenus {
  en: BotCommand[];
  zh: BotCommand[];
}

export function commandMenus(specs: readonly CommandSpec<any>[]): CommandMenus {
  const menus: CommandMenus = { en: [], zh: [] };
  const taken = new Set<string>();
  for (const spec of specs) {
    if (spec.hidden) continue;
    const candidates = [...spec.phrases.en, ...spec.examples.en.map((e) => e.split(/\s+/)[0])].map((p) => p.toLowerCase());
    const command = candidates.find((c) => NAME.test(c) && !taken.has(c));
    if (!command) continue;
    taken.add(command);
    const describe = (summary: string, example?: string) => (example ? `${summary} · ${example}` : summary).slice(0, 256);
    menus.en.push({ command, description: describe(spec.summary.en, spec.examples.en[0]) });
    menus.zh.push({ command, description: describe(spec.summary.zh, spec.examples.zh[0]) });
  }
  return menus;
}
