import type { CommandSpec } from './spec.ts';

export interface Match {
  spec: CommandSpec<any>;
  rest: string;
}

const ASCII_WORD_END = /[\s,，:：;；.。!！?？]|$/;

/** Finds the command a message is for: the longest phrase it starts with, else a free-text command that claims it. */
export class Registry {
  readonly specs: CommandSpec<any>[] = [];

  add(...specs: CommandSpec<any>[]): this {
    for (const s of specs) {
      if (this.specs.some((o) => o.id === s.id)) throw new Error(`command ${s.id} registered twice`);
      this.specs.push(s);
    }
    return this;
  }

  byId(id: string): CommandSpec<any> | undefined {
    return this.specs.find((s) => s.id === id);
  }

  match(text: string): Match | undefined {
    const lower = text.toLowerCase();
    let best: Match | undefined;
    let bestLen = 0;
    for (const spec of this.specs) {
      for (const phrase of [...spec.phrases.zh, ...spec.phrases.en]) {
        const p = phrase.toLowerCase();
        if (p.length <= bestLen || !lower.startsWith(p)) continue;
        const ascii = /^[\x00-\x7f]+$/.test(p);
        if (ascii && !ASCII_WORD_END.test(lower.slice(p.length, p.length + 1))) continue;
        best = { spec, rest: text.slice(p.length).replace(/^[\s,，:：]+/, '').trim() };
        bestLen = p.length;
      }
    }
    if (best) return best;
    const claimer = this.specs.find((s) => s.claims?.(text));
    return claimer ? { spec: claimer, rest: text } : undefined;
  }
}
