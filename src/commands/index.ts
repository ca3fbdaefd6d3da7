import { helpCommand } from './help-command.ts';
import { metricCommand } from './metrics/metric-command.ts';
import { Registry } from './registry.ts';

/** Every command the bot knows. Add a new command's spec here (one line). */
export function buildRegistry(): Registry {
  const registry = new Registry();
  registry.add(metricCommand);
  registry.add(helpCommand(registry));
  return registry;
}
