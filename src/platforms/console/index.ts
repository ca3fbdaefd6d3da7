import type { PlatformModule } from '../../chat/platform-module.ts';
import { consoleAddress } from './console-ids.ts';

/** The terminal chat: no send limits, no groups; `npm start` builds it itself when no platform is configured. */
export const consolePlatform: PlatformModule<'console'> = {
  name: 'console',
  address: consoleAddress,
  pacing: [],
  isGroup: () => false,
};
