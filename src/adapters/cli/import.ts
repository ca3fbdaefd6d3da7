import type { Flags } from '../../main.ts';

/** `store-ops-bot import orders|traffic|spend FILE` — implemented with the importers. */
export async function importCommand(_args: string[], _flags: Flags): Promise<number> {
  console.error('import is not available yet');
  return 2;
}
