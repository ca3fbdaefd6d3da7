import type { DocStore } from '../ports.ts';

// Looking a customer up by phone or e-mail answers "is this number a customer?". Unlimited,
// that is an oracle for anyone with a role; so each person's look-ups are counted over the
// last hour (stored, so a restart does not reset it), and the refusal can say when to retry.

export const HOUR_MS = 60 * 60 * 1000;

interface LookupsDoc {
  /** Qualified user id → epoch ms of their look-ups within the last hour. */
  users: Record<string, number[]>;
}

export type LookupTurn = { ok: true; left: number } | { ok: false; retryAt: number };

export class LookupLimit {
  private constructor(private readonly doc: { data: LookupsDoc; write(): Promise<void> }) {}

  static async open(docs: DocStore): Promise<LookupLimit> {
    return new LookupLimit(await docs.open<LookupsDoc>('members/lookups', { users: {} }));
  }

  /** Counts one look-up by `user` at `now` if fewer than `perHour` were made in the hour before; else when the oldest leaves the window. */
  async take(user: string, now: number, perHour: number): Promise<LookupTurn> {
    const recent = (this.doc.data.users[user] ?? []).filter((t) => t > now - HOUR_MS && t <= now).sort((a, b) => a - b);
    if (recent.length >= perHour) return { ok: false, retryAt: recent[recent.length - perHour] + HOUR_MS };
    recent.push(now);
    this.doc.data.users[user] = recent;
    // Forget everyone else's stale entries while we are writing anyway.
    for (const [u, times] of Object.entries(this.doc.data.users)) if (u !== user && times.every((t) => t <= now - HOUR_MS)) delete this.doc.data.users[u];
    await this.doc.write();
    return { ok: true, left: perHour - recent.length };
  }
}
