// Subcommands added by later features register themselves here with addCliCommand,
// so main.ts stays a short table. Import each feature's CLI module below; it must import
// addCliCommand from './cli-registry.ts', never from main.ts (that import would deadlock).
import './tick.ts';
import './sync.ts';
export {};
