import { BOOK_NAMES, type BookEnv, type BookOpeners, type Books } from '../bot/books.ts';
import { bookOpenersOf, type Feature } from '../bot/feature.ts';
import type { Services } from '../bot/services.ts';

// The features' books, opened once per process (services.books). Each book opens on its
// first use and the same instance answers every later call, so what one command writes
// through it the next one reads. Not at start: a damaged document must refuse only the
// commands that need it, as before. A failed open is forgotten, so the next call tries the
// document again (it may have been repaired); the doc store likewise drops refused opens.
// No book re-reads its document per call: the doc store keeps one copy per document per
// process, and DATA_DIR's lock keeps other processes from writing under it.

export function openBooks(openers: BookOpeners, env: BookEnv): Books {
  const missing = BOOK_NAMES.filter((name) => !openers[name]);
  if (missing.length) throw new Error(`no feature opens the book${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  const books: Record<string, () => Promise<unknown>> = {};
  for (const name of BOOK_NAMES) {
    const open = openers[name] as (env: BookEnv) => Promise<unknown>;
    let opened: Promise<unknown> | undefined;
    books[name] = () => {
      if (!opened) {
        const p = (opened = open(env));
        p.catch(() => opened === p && (opened = undefined));
      }
      return opened;
    };
  }
  return books as unknown as Books;
}

/**
 * Services with the features' books on them; also for tests that build Services by hand:
 * `const services = withBooks({ docs, clock, calendar, playbook: parsePlaybook(), ... }, features)`.
 * The books read docs, clock, calendar and playbook from the services when first opened.
 */
export function withBooks(base: Omit<Services, 'books'>, features: Feature[]): Services {
  const services = base as Services;
  services.books = openBooks(bookOpenersOf(features), services);
  return services;
}
