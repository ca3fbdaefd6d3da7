// Where a conversation is, as a value. The stored form stays the platform-prefixed string
// (`slack:C0123`, `telegram:-100123:7`, `wechat:dm:wxid_abc`) so outbox entries and documents
// written before keep working; each platform's codec (in its own folder) turns the string
// into an Address and back, and nothing else looks inside it.
//
// Two rules hold for every platform, so they live here: an id starts with `<platform>:`
// (conversations and users alike), and a user's DM is `<platform>:dm:<user id on that platform>`
// (the adapter opens the DM itself when it sends).

export interface Address {
  platform: string;
  /** `dm`: one person; `group`: a channel, room or group chat; a platform may add its own (WeCom's `hook`). */
  kind: 'dm' | 'group' | (string & {});
  /** The platform's id of the chat (for a DM, of the person). */
  id: string;
  /** A conversation inside the chat, where the platform has them (a Telegram forum topic). */
  topic?: string;
}

/** Owned by the platform's adapter: the only code that reads or writes its conversation strings. */
export interface AddressCodec {
  readonly platform: string;
  encode(address: Address): string;
  /** Undefined when the string is not one of this platform's conversations. */
  decode(conversation: string): Address | undefined;
}

/** The platform a conversation or user id belongs to: `slack:C0123` → `slack`. */
export function platformOf(id: string): string {
  const i = id.indexOf(':');
  return i < 0 ? id : id.slice(0, i);
}

/** A qualified user id's own part, as the platform knows the person: `wechat:wxid_abc` → `wxid_abc` (unqualified ids as they are). */
export function localIdOf(user: string): string {
  const i = user.indexOf(':');
  return i < 0 ? user : user.slice(i + 1);
}

/** A qualified user id for a person on a platform: (`slack`, `U0123`) → `slack:U0123`. */
export const qualifiedUser = (platform: string, id: string) => `${platform}:${id}`;

/** A user's DM conversation from their qualified id: `wechat:wxid_abc` → `wechat:dm:wxid_abc`. */
export const dmOf = (user: string) => `${platformOf(user)}:dm:${localIdOf(user)}`;

/** Whether an id follows the DM rule (`<platform>:dm:…`), for ids no codec at hand can read. */
export const looksDirect = (conversation: string) => conversation.startsWith(`${platformOf(conversation)}:dm:`);

/** The codecs of the platforms in use, each found by the prefix of the id it is handed. */
export class AddressBook {
  private readonly codecs: Map<string, AddressCodec>;
  constructor(codecs: readonly AddressCodec[]) {
    this.codecs = new Map(codecs.map((c) => [c.platform, c]));
  }

  decode(conversation: string): Address | undefined {
    return this.codecs.get(platformOf(conversation))?.decode(conversation);
  }

  encode(address: Address): string {
    const codec = this.codecs.get(address.platform);
    if (!codec) throw new Error(`no address codec for platform ${address.platform}`);
    return codec.encode(address);
  }
}
