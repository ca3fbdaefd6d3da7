import type { AddressCodec } from '../../chat/address.ts';

// The terminal chat's conversations: the shared room `console:ops-room` (or any other name),
// and a person's DM `console:dm:<name>`; people are `console:<name>`.

export const consoleAddress: AddressCodec = {
  platform: 'console',
  encode: (a) => (a.kind === 'dm' ? `console:dm:${a.id}` : `console:${a.id}`),
  decode(conversation) {
    const m = /^console:(?:(dm):)?(.+)$/.exec(conversation);
    return m ? { platform: 'console', kind: m[1] ? 'dm' : 'group', id: m[2] } : undefined;
  },
};

export const consoleUser = (name: string) => `console:${name}`;
