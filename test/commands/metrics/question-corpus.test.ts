import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar, formatDay } from '../../../src/domain/calendar.ts';
import { BotError } from '../../../src/bot/errors.ts';
import { eventDate, type EventDay } from '../../../src/features/metrics/period-words.ts';
import { readQuestion, type Question, type QuestionContext } from '../../../src/features/metrics/question.ts';
import { templateSchema } from '../../../src/domain/checklists/template.ts';
import { CORPUS, NOW, STORE_CHANNELS, type Expect, type Reading } from './corpus.zh-en.ts';

// Every corpus question gets exactly the reading written beside it; any question with a word
// the bot does not know added anywhere is refused, never answered as the question without it.

const template = templateSchema.parse(JSON.parse(readFileSync(new URL('../../../data/templates/big-promotion.json', import.meta.url), 'utf8')));
const events: EventDay[] = template.events.flatMap((e) => {
  const d = eventDate(e.aliases);
  return d ? [{ aliases: e.aliases, name: e.name, ...d }] : [];
});
const ctx: QuestionContext = { today: new Calendar('Asia/Shanghai').dayOf(Date.parse(NOW)), events, channels: STORE_CHANNELS };

function reading(q: Question): Reading {
  return {
    metric: q.metric,
    from: formatDay(q.period.from),
    to: formatDay(q.period.to),
    ...(q.channel ? { channel: q.channel } : {}),
    ...(q.by ? { by: q.by } : {}),
    ...(q.trend ? { trend: q.trend } : {}),
    ...(q.compare.kind !== 'previous' ? { compare: q.compare.kind } : {}),
    ...(q.compare.from !== undefined ? { compareFrom: formatDay(q.compare.from), compareTo: formatDay(q.compare.to!) } : {}),
    ...(q.limit ? { limit: q.limit } : {}),
    ...(q.guesses.length ? { guessed: q.guesses.map((g) => g.typed) } : {}),
  };
}

function outcome(text: string): Expect {
  try {
    return reading(readQuestion(text, ctx));
  } catch (err) {
    if (!(err instanceof BotError)) throw err;
    const unknown = err.extra?.unknown as string[] | undefined;
    return { error: err.code, ...(unknown ? { unknown } : {}) };
  }
}

const normal = (w: Expect): Expect => ('error' in w ? w : { ...w, ...(w.compare === 'previous' ? { compare: undefined } : {}) });

describe('the question corpus', () => {
  it('holds at least 300 questions in both languages', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(CORPUS.filter((c) => /[\u4e00-\u9fff]/.test(c.q)).length).toBeGreaterThan(100);
    expect(CORPUS.filter((c) => !/[\u4e00-\u9fff]/.test(c.q)).length).toBeGreaterThan(100);
  });

  it('reads every question as written beside it', () => {
    const wrong = CORPUS.map((c) => ({ q: c.q, want: JSON.parse(JSON.stringify(normal(c.want))), got: outcome(c.q) })).filter((r) => JSON.stringify(r.got) !== JSON.stringify(r.want) && !sameReading(r.got, r.want));
    expect(wrong).toEqual([]);
  });

  it('refuses any question with an unknown word added anywhere, naming that word', () => {
    const answered = CORPUS.filter((c) => !('error' in c.want));
    const word = fc.constantFrom('banana', '香蕉', 'unicorn', '火星', 'zebra', '彩虹', 'qwzx', '菠萝', 'marmalade', '伞', 'blorp', '熊猫');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: answered.length - 1 }), word, fc.double({ min: 0, max: 1, noNaN: true }), (i, w, at) => {
        const q = answered[i].q;
        // Between two words or characters, with a space on each side for English.
        const cuts = [0, q.length, ...[...q.matchAll(/ /g)].map((m) => m.index!), ...[...q].flatMap((ch, k) => (/[\u4e00-\u9fff]/.test(ch) ? [k] : []))];
        const cut = cuts[Math.floor(at * cuts.length) % cuts.length];
        const text = `${q.slice(0, cut)} ${w} ${q.slice(cut)}`.trim();
        const got = outcome(text);
        expect(got, text).toMatchObject({ error: 'not_understood' });
        expect((got as { unknown: string[] }).unknown.join(' '), text).toContain(w);
      }),
      { numRuns: 500, seed: 15 },
    );
  });
});

function sameReading(a: Expect, b: Expect): boolean {
  const strip = (x: Expect) => JSON.stringify(Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined).sort(([k1], [k2]) => k1.localeCompare(k2))));
  return strip(a) === strip(b);
}
