import type { DocStore } from '../ports.ts';
import type { Campaign, CampaignStatus } from './campaign.ts';

// Every campaign in one document, numbered #1, #2, … Status changes are made in memory
// synchronously (so two quick presses decide once) and then written.

interface CampaignDoc {
  nextId: number;
  campaigns: Campaign[];
}

export type NewCampaign = Omit<Campaign, 'id' | 'doneSteps' | 'history' | 'status'> & { status: CampaignStatus };

export class CampaignBook {
  private constructor(private readonly doc: { data: CampaignDoc; write(): Promise<void> }) {}

  static async open(docs: DocStore): Promise<CampaignBook> {
    return new CampaignBook(await docs.open<CampaignDoc>('campaigns/index', { nextId: 1, campaigns: [] }));
  }

  get(id: number): Campaign | undefined {
    return this.doc.data.campaigns.find((c) => c.id === id);
  }

  /** The number the next campaign will get (the preview's holdout draw uses it). */
  peekNextId(): number {
    return this.doc.data.nextId;
  }

  all(): readonly Campaign[] {
    return this.doc.data.campaigns;
  }

  save(): Promise<void> {
    return this.doc.write();
  }

  async create(input: NewCampaign, by: string, now: Date): Promise<Campaign> {
    const c: Campaign = { ...input, id: this.doc.data.nextId++, doneSteps: [], history: [{ at: now.toISOString(), by, action: input.status }] };
    this.doc.data.campaigns.push(c);
    await this.doc.write();
    return c;
  }

  /** Changes the status in memory; false when that move is not allowed from the current one. */
  setStatus(c: Campaign, to: CampaignStatus, by: string, now: Date): boolean {
    if (!allowed(c.status, to)) return false;
    c.status = to;
    // A resumed (or newly launched) daily campaign does not run the slots it missed meanwhile.
    if (to === 'active') c.runFrom = now.toISOString();
    c.history.push({ at: now.toISOString(), by, action: to });
    return true;
  }
}

const MOVES: Record<CampaignStatus, CampaignStatus[]> = {
  awaiting_approval: ['active', 'rejected', 'cancelled'],
  active: ['paused', 'cancelled', 'done'],
  paused: ['active', 'cancelled'],
  cancelled: [],
  rejected: [],
  done: [],
};
export const allowed = (from: CampaignStatus, to: CampaignStatus) => MOVES[from].includes(to);
