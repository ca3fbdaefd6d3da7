import type { Bilingual } from '../chat/lang.ts';

/**
 * A problem the user can fix: it carries a code for logs and a message, with a
 * correct example, in both languages. Anything else that is thrown is our fault:
 * the router logs it and answers with a short apology, never a stack trace.
 */
export class BotError extends Error {
  /** More for the `--json` answer (e.g. the words not understood). */
  extra?: Record<string, unknown>;
  constructor(
    readonly code: string,
    readonly text: Bilingual,
    readonly example?: Bilingual,
  ) {
    super(`${code}: ${text.en}`);
  }
}

export const problem = (code: string, zh: string, en: string, example?: Bilingual) => new BotError(code, { zh, en }, example);
