// A data file that could not be read: which one, what is wrong with it, where the
// damaged copy was put aside, and whether the bot may carry on without it.

export interface DamagedDocument {
  /** Document name, e.g. `approvals` or `orders/2026-09.g4`. */
  name: string;
  /** Its file, relative to DATA_DIR. */
  file: string;
  /** Where the damaged file now is (relative to DATA_DIR), or undefined when it was already missing. */
  aside?: string;
  /** One line saying what is wrong, e.g. `not JSON: Unexpected end of JSON input`. */
  problem: string;
  /** Whether the bot carries on with an empty document (true) or refuses what needs it (false). */
  startsEmpty: boolean;
}

/** Thrown when a command needs a document that is damaged and not safe to do without. */
export class DamagedDocumentError extends Error {
  readonly code = 'damaged_data';
  constructor(readonly damage: DamagedDocument) {
    super(`${damage.file} is damaged (${damage.problem})${damage.aside ? `; set aside as ${damage.aside}` : ''}`);
  }
}

/** One line for the log and the startup banner. */
export function describeDamage(d: DamagedDocument, consequence?: string): string {
  const aside = d.aside ? `, set aside as ${d.aside}` : '';
  const then = consequence ?? (d.startsEmpty ? 'starting without it' : 'what needs it is refused until it is repaired (README, Storage → Recovery)');
  return `${d.file}: ${d.problem}${aside}; ${then}`;
}
