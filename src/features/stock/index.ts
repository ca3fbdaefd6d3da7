import { StockBook } from '../../domain/stock/stock-book.ts';
import type { Feature } from '../../bot/feature.ts';
import { stockAlertSource, stockAlertsCommand } from './stock-alerts.ts';
import { stockCommand } from './stock-command.ts';

/** Stock levels and low-stock alerts. */
export const stock: Feature = {
  name: 'stock',
  commands: [stockCommand, stockAlertsCommand],
  noticeSources: [stockAlertSource],
  books: { stock: (env) => StockBook.open(env.docs) },
};
