// Subcommands added by later features register themselves here with addCliCommand,
// so main.ts stays a short table. Import each feature's CLI module below.
export {};
