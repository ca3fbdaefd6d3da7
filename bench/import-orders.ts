import type { Services } from '../src/bot/services.ts';
import { importFile } from '../src/adapters/ingest/import-file.ts';

/** Imports the bench CSV through the project's own importer, exactly as `store-ops-bot import orders FILE` does. */
export async function importOrders(path: string, services: Services): Promise<{ via: string; summary: unknown }> {
  return { via: 'importFile', summary: await importFile(path, 'orders', services) };
}
