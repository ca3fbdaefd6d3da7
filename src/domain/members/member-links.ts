import type { Calendar, Day } from '../calendar.ts';
import type { OrderBook } from '../orders/order-book.ts';
import type { DocStore } from '../ports.ts';

// Which chat identity belongs to which store customer, so pushes can reach members.
//
//   const links = await MemberLinks.open(services.docs);
//   links.byUser('wechat:wxid_abc')      // { customer, linkedAt, optedOut, … } or undefined
//   links.usersOf('C00042')              // chat ids linked (and not opted out) to a customer
//   links.isOptedOut('C00042')           // the member said 退订 / stop: never push
//
// linkedAt is the member's join date for the community path (joined-N-days-ago audiences).
// Opting out unlinks (the link stays on record with optedOut and its time); linking again opts back in.

export interface MemberLink {
  /** Qualified chat user id, e.g. `wechat:wxid_abc`, `telegram:123`. */
  user: string;
  /** The customer as the order book names them. */
  customer: string;
  linkedAt: string;
  /** How the member proved it: an order number or a phone seen on orders. */
  via: 'order' | 'phone';
  optedOut: boolean;
  optedOutAt?: string;
}

interface LinkDoc {
  links: Record<string, MemberLink>;
}

export class MemberLinks {
  private byCustomer?: Map<string, string[]>;
  private optedOutCustomers?: Set<string>;
  // The links the index was built from: one book lives as long as the process (services.books),
  // and the demo replaces the whole list, so a new list means a new index.
  private indexed?: LinkDoc['links'];
  private constructor(private readonly doc: { data: LinkDoc; write(): Promise<void> }) {}

  static async open(docs: DocStore): Promise<MemberLinks> {
    return new MemberLinks(await docs.open<LinkDoc>('members/links', { links: {} }));
  }

  byUser(user: string): MemberLink | undefined {
    return this.doc.data.links[user];
  }

  /** Chat users linked to a customer and not opted out. */
  usersOf(customer: string): string[] {
    return this.index().byCustomer.get(customer) ?? [];
  }

  /** Whether a customer asked not to be pushed (an identity of theirs opted out and none is linked now). */
  isOptedOut(customer: string): boolean {
    return this.usersOf(customer).length === 0 && this.index().optedOut.has(customer);
  }

  private index(): { byCustomer: Map<string, string[]>; optedOut: Set<string> } {
    if (!this.byCustomer || !this.optedOutCustomers || this.indexed !== this.doc.data.links) {
      this.indexed = this.doc.data.links;
      this.byCustomer = new Map();
      this.optedOutCustomers = new Set();
      for (const l of Object.values(this.doc.data.links)) {
        if (l.optedOut) {
          this.optedOutCustomers.add(l.customer);
          continue;
        }
        const list = this.byCustomer.get(l.customer) ?? [];
        list.push(l.user);
        this.byCustomer.set(l.customer, list);
      }
    }
    return { byCustomer: this.byCustomer, optedOut: this.optedOutCustomers };
  }

  all(): MemberLink[] {
    return Object.values(this.doc.data.links);
  }

  /** Active links (not opted out). */
  active(): MemberLink[] {
    return this.all().filter((l) => !l.optedOut);
  }

  /** Links (or re-links, opting back in) a chat user to a customer. */
  async link(user: string, customer: string, via: MemberLink['via'], at: Date): Promise<MemberLink> {
    const old = this.doc.data.links[user];
    // Re-linking to the same customer keeps the join date: the community path counts from the first join.
    const linkedAt = old && old.customer === customer ? old.linkedAt : at.toISOString();
    const link: MemberLink = { user, customer, linkedAt, via, optedOut: false };
    this.doc.data.links[user] = link;
    this.byCustomer = undefined;
    this.optedOutCustomers = undefined;
    await this.doc.write();
    return link;
  }

  /** Opts the member out and unlinks; undefined when the user was never linked. */
  async optOut(user: string, at: Date): Promise<MemberLink | undefined> {
    const old = this.doc.data.links[user];
    if (!old) return undefined;
    if (old.optedOut) return old;
    const link = { ...old, optedOut: true, optedOutAt: at.toISOString() };
    this.doc.data.links[user] = link;
    this.byCustomer = undefined;
    this.optedOutCustomers = undefined;
    await this.doc.write();
    return link;
  }
}

export type LinkProof = { customer: string; via: MemberLink['via'] };

const digits = (s: string) => s.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');

/**
 * Checks a member's proof against imported orders: an order id that exists (on any
 * platform) or a phone number seen on orders. Undefined when nothing matches.
 */
export function verifyLinkProof(book: OrderBook, proof: string): LinkProof | undefined {
  const p = proof.trim();
  if (!p) return undefined;
  const plats = book.platforms.names;
  for (const platform of plats) {
    const row = book.rowFor(platform, p);
    if (row !== undefined) return { customer: book.customers.names[book.customer.data[row]], via: 'order' };
  }
  const d = digits(p);
  if (d.length >= 7) {
    for (const [cust, phone] of book.phones) if (digits(phone) === d) return { customer: book.customers.names[cust], via: 'phone' };
  }
  return undefined;
}

/** Store day a link was made, for joined-N-days-ago. */
export const linkDay = (link: MemberLink, calendar: Calendar): Day => calendar.dayOf(Date.parse(link.linkedAt));
