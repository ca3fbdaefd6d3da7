// The options every subcommand may read, parsed once by src/main.ts.

export interface Flags {
  as?: string;
  json?: boolean;
  dm?: boolean;
  /** `ask --chart FILE`: write the answer's chart as a PNG. */
  chart?: string;
  since?: string;
}

export type CliHandler = (args: string[], flags: Flags) => Promise<number>;
