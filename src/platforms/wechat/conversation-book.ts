import type { DocStore } from '../../domain/ports.ts';

// The rooms and contacts the bot has heard from, kept in the DocStore so that
// after a restart it can still speak first (and an operator can see where).

export interface Seen {
  conversation: string;
  name: string;
  lastSeen: string;
}

const REFRESH_MS = 3600_000; // rewrite a known entry at most hourly

export class ConversationBook {
  constructor(private readonly docs: DocStore) {}

  private doc() {
    return this.docs.open<{ conversations: Record<string, Seen> }>('wechat/conversations', { conversations: {} });
  }

  async seen(conversation: string, name: string, now: Date): Promise<void> {
    const doc = await this.doc();
    const old = doc.data.conversations[conversation];
    if (old && old.name === name && now.getTime() - Date.parse(old.lastSeen) < REFRESH_MS) return;
    doc.data.conversations[conversation] = { conversation, name, lastSeen: now.toISOString() };
    await doc.write();
  }

  async list(): Promise<Seen[]> {
    return Object.values((await this.doc()).data.conversations).sort((a, b) => a.conversation.localeCompare(b.conversation));
  }

  async get(conversation: string): Promise<Seen | undefined> {
    return (await this.doc()).data.conversations[conversation];
  }
}
