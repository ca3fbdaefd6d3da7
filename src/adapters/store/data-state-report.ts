import { describeDamage, type DamagedDocument } from '../../domain/damaged-document.ts';
import type { Logger } from '../../domain/log.ts';
import type { OrderRepository } from './orders/order-repository.ts';
import type { OutboxStore } from '../../outbound/outbox-store.ts';
import { JournalOutboxStore } from '../../outbound/journal-outbox-store.ts';

/**
 * The start-up lines about the data folder: what an interrupted save left and how it was
 * resolved, and, loudly, each damaged file and what is missing or refused because of it.
 */
export function reportDataState(log: Logger, orders: OrderRepository, damaged: DamagedDocument[]): void {
  const { recovery, missingMonths, blocked } = orders.state;
  if (recovery) log.warn({ recovery }, recovery);
  // Order files are the repository's to judge: a month is skipped, a manifest or customer list stops all orders.
  const ordersFile = (d: DamagedDocument) => d.name.startsWith('orders/') || d.name === 'order-customers';
  for (const d of damaged) log.error({ damaged: d }, `DATA DAMAGED: ${describeDamage(d, ordersFile(d) ? 'see the ORDERS line' : undefined)}`);
  if (blocked) log.error({ blocked }, `ORDERS UNAVAILABLE: ${blocked.file} cannot be read (${blocked.problem}); no order figures are loaded and imports are refused until it is repaired (README, Storage → Recovery)`);
  if (missingMonths.length > 0) {
    const months = missingMonths.map((m) => m.month).join(', ');
    log.error({ missingMonths: missingMonths.map((m) => m.month) }, `ORDERS INCOMPLETE: the orders of ${months} are missing (damaged files set aside); figures covering those months are short until they are re-imported (README, Storage → Recovery)`);
  }
}

/** A start-up line when whole journal lines of the outbox could not be read (a torn last line is normal and not said). */
export function reportOutboxState(log: Logger, store: OutboxStore): void {
  if (!(store instanceof JournalOutboxStore) || store.unreadableLines.length === 0) return;
  const lines = store.unreadableLines;
  const which = lines.length === 1 ? `line ${lines[0]} does not parse and was skipped; a notice it recorded` : `${lines.length} lines (${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''}) do not parse and were skipped; notices they recorded`;
  log.error({ unreadableLines: lines }, `DATA DAMAGED: outbox/journal.jsonl: ${which} may be missing or sent again (README, Storage → Recovery)`);
}
