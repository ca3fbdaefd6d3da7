import { join } from 'node:path';
import { count, plural } from '../../features/shared/counts.ts';
import type { ImportSummary } from './import-file.ts';
import type { InboxKind, InboxResult } from './inbox.ts';

// What an import says to the person who ran it: their own file's name (never the inbox copy
// `DATA_DIR/inbox/orders/1764…-4242-orders.csv`), counts with separators and nouns that agree.

/** `1764680000000-4242-orders.csv` → `orders.csv`: the name the person gave the file. */
export const userFileName = (inboxName: string) => inboxName.replace(/^\d+-\d+-/, '');

/** Replaces the inbox copy's path in a message with the name the person knows. */
export const asUserFile = (message: string, dataDir: string, kind: InboxKind, inboxName: string, shown = userFileName(inboxName)) =>
  message.split(join(dataDir, 'inbox', kind, inboxName)).join(shown);

/** A file with a header and no rows: nothing to import, which is an error, not a success with zeros. */
export const headerOnly = (s: Pick<ImportSummary, 'added' | 'replaced' | 'bad'>) => s.added + s.replaced + s.bad === 0;

export const headerOnlyLine = (file: string, kind: string) =>
  `cannot import ${file}: it has a header but no rows; nothing was imported (expected one ${kind === 'orders' ? 'order' : 'day-and-channel value'} per line under the header)`;

/** One line for the terminal chat when the running bot has imported (or refused) a dropped file. */
export function inboxNotice(dataDir: string, kind: InboxKind, inboxName: string, r: InboxResult): string {
  const file = userFileName(inboxName);
  if (!r.ok) {
    const why = asUserFile(r.error, dataDir, kind, inboxName);
    return why.includes(file) ? why : `${file} not imported: ${why}`;
  }
  if (headerOnly(r.summary)) return headerOnlyLine(file, kind);
  const noun = kind === 'orders' ? 'order' : kind === 'stock' ? 'SKU' : 'value';
  return `imported ${kind} from ${file}: ${plural(r.summary.added + r.summary.replaced, noun)} (${count(r.summary.added)} new, ${count(r.summary.replaced)} replaced), ${plural(r.summary.bad, 'bad row')}`;
}
