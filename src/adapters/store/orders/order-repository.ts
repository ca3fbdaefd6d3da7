import { DamagedDocumentError, type DamagedDocument } from '../../../domain/damaged-document.ts';
import type { OrderStore, OrdersState } from '../../../domain/orders/order-store.ts';
import type { Doc, DocStore } from '../../../domain/ports.ts';
import type { StoreData } from '../../../domain/store-data.ts';
import { STATUS_NAME } from '../../../domain/orders/order.ts';
import { customersDoc, emptyManifest, genOf, LEGACY_CUSTOMERS, LEGACY_SAVING, MANIFEST, monthDoc, namedBy, OrdersManifest } from './order-manifest.ts';
import { decodeSegment, encodeSegment, segmentProblem, SegmentScratch, type EncodedSegment, type OrderSegmentV2, type OrderSegmentV3 } from './order-segment.ts';

// Orders are kept on disk one document per month (of payment, else of creation),
// column by column (format in order-segment.ts), so an import rewrites only the
// months it touched and a million orders load in about a second. The months and the
// customer list in force are those the manifest names (order-manifest.ts): an import
// is committed whole by replacing it, so a kill or a full disk leaves the before or
// the after, never a mix. A damaged month is set aside and reported; its orders are missing.

/** Format 1, written before formats 2 and 3; still read, rewritten as format 3 when its month next changes. */
export interface OrderSegment {
  v: 1;
  key: string[];
  channel: string[];
  customer: string[];
  created: number[];
  paid: (number | null)[];
  status: number[];
  amount: number[];
  refunded: number[];
  coupon: (string | null)[];
  rev: number[];
  lines: number[];
  sku: string[];
  qty: number[];
  lineAmount: number[];
  phones: Record<string, string>;
}

const emptySegment = (): OrderSegment | OrderSegmentV2 | OrderSegmentV3 => ({ v: 1, key: [], channel: [], customer: [], created: [], paid: [], status: [], amount: [], refunded: [], coupon: [], rev: [], lines: [], sku: [], qty: [], lineAmount: [], phones: {} });

/**
 * Every customer name in id order (ids never change: new customers are appended),
 * their phone numbers, and how many orders and lines the months hold, so loading
 * can size the columns once. Written before the months that refer to it.
 */
export interface CustomerList {
  names: string[];
  phones: [number, string][];
  orders: number;
  lines: number;
}

export class OrderRepository implements OrderStore {
  rev = 0;
  private savedCustomers = 0;
  private manifest: OrdersManifest = emptyManifest();
  /** Months of saves that failed or were put off: memory holds their orders, so the next save commits them too. */
  private readonly pending = new Set<string>();
  readonly state: OrdersState = { missingMonths: [] };
  constructor(private readonly docs: DocStore, private readonly data: StoreData) {}

  /** `afterMonth` runs after each month document is copied in (the app uses it to collect the parsed document). */
  async load(opts: { afterMonth?: () => void } = {}): Promise<void> {
    const swept = (await this.docs.sweep?.()) ?? [];
    const found = await findManifest(this.docs);
    if ('damage' in found) this.state.blocked = found.damage;
    else {
      this.manifest = found.manifest;
      await this.loadOrders(found.legacyInterrupted, opts.afterMonth);
      if (!this.state.blocked) this.state.recovery = await this.tidy(found, swept);
    }
    if (this.state.blocked && swept.length > 0) this.state.recovery = `orders: removed ${several(swept.length, 'temporary file')} of an interrupted write (${swept.join(', ')})`;
    const traffic = await this.docs.open<{ rows: [number, string, number][] }>('traffic', { rows: [] });
    const spend = await this.docs.open<{ rows: [number, string, number][] }>('spend', { rows: [] });
    for (const [d, ch, v] of traffic.data.rows) this.data.traffic.set(d, ch, v);
    for (const [d, ch, v] of spend.data.rows) this.data.spend.set(d, ch, v);
    this.data.refresh();
  }

  private async loadOrders(dedupe: boolean, afterMonth?: () => void): Promise<void> {
    const book = this.data.book;
    if (this.manifest.customers) {
      const list = await openChecked<CustomerList>(this.docs, this.manifest.customers, { names: [], phones: [], orders: 0, lines: 0 });
      if ('damage' in list) {
        this.state.blocked = list.damage;
        return;
      }
      book.customers.adopt(list.doc.data.names);
      for (const [id, phone] of list.doc.data.phones) book.phones.set(id, phone);
      book.reserve(list.doc.data.orders, list.doc.data.lines);
      list.doc.data = { names: [], phones: [], orders: 0, lines: 0 };
    }
    this.savedCustomers = book.customers.size;
    for (const [month, name] of Object.entries(this.manifest.months).sort()) {
      const doc = await openChecked<AnySegment>(this.docs, name, emptySegment(), segmentProblem);
      if ('damage' in doc) {
        this.state.missingMonths.push({ month, damage: doc.damage });
        continue;
      }
      const seg = doc.doc.data;
      const rev = seg.v === 1 ? loadV1(this.data, seg) : decodeSegment(book, seg, dedupe);
      if (rev > this.rev) this.rev = rev;
      // Segments are read once at start; drop the parsed copy so memory holds only the columns.
      doc.doc.data = emptySegment();
      afterMonth?.();
    }
  }

  /** Removes what the manifest does not name, moves an old data folder to the manifest, and says what it did. */
  private async tidy(found: FoundManifest, swept: string[]): Promise<string | undefined> {
    const keep = namedBy(this.manifest);
    const leftovers = (await this.docs.list('orders/')).filter((n) => n !== MANIFEST && !keep.has(n) && (found.exists || genOf(n) !== undefined));
    if (found.exists) for (const n of [LEGACY_CUSTOMERS, LEGACY_SAVING]) if (!keep.has(n) && (await this.docs.list(n)).includes(n)) leftovers.push(n);
    for (const n of leftovers) await this.docs.remove(n);
    const uncommitted = leftovers.filter((n) => (genOf(n) ?? 0) > this.manifest.gen);
    const superseded = leftovers.filter((n) => !uncommitted.includes(n));
    const temp = swept.length > 0 ? `; removed ${several(swept.length, 'temporary file')} (${swept.join(', ')})` : '';
    if (!found.exists) {
      const months = Object.keys(this.manifest.months);
      if (months.length === 0 && !this.manifest.customers) return temp ? `orders: nothing saved yet${temp}` : undefined;
      if (found.legacyInterrupted) {
        // The old layout's save was cut short: orders were resolved by revision on load; write them out clean.
        await this.saveMonths(new Set(months), new Set(), { rewriteCustomers: true });
      } else await this.commit({ ...this.manifest });
      await this.docs.remove(LEGACY_SAVING);
      const how = found.legacyInterrupted ? 'an interrupted save of the old layout was resolved by revision and written as generation 1' : 'the existing files are now listed in orders/manifest';
      return `orders: moved ${several(months.length, 'month')} to the manifest layout; ${how}${temp}`;
    }
    if (uncommitted.length > 0) return `orders: rolled back an interrupted save to generation ${this.manifest.gen}; removed ${several(uncommitted.length, 'uncommitted file')} (${uncommitted.join(', ')})${superseded.length ? ` and ${superseded.length} superseded` : ''}${temp}`;
    if (superseded.length > 0) return `orders: rolled forward: generation ${this.manifest.gen} was committed before the stop; removed ${several(superseded.length, 'superseded file')} (${superseded.join(', ')})${temp}`;
    return temp ? `orders: nothing to roll back${temp}` : undefined;
  }

  /**
   * Months changed in memory whose save is put off: the next save of any caller commits them
   * with its own. The caller keeps the orders durable meanwhile (a journal replayed at start).
   */
  markUnsaved(gained: Set<string>, lost: Set<string>): void {
    if (this.state.blocked) throw new DamagedDocumentError(this.state.blocked);
    for (const m of gained) this.pending.add(m);
    for (const m of lost) this.pending.add(m);
  }

  /** Whether some months in memory are not on disk yet. */
  get unsaved(): boolean {
    return this.pending.size > 0;
  }

  nextRev(): number {
    return ++this.rev;
  }

  /**
   * Saves the given months from memory as one all-or-nothing change: each is written as a
   * new file of the next generation, then the manifest naming them is replaced. If any
   * write fails (a full disk), the new files are removed, the previous generation stays in
   * force on disk, and the months are kept pending so the next save commits them with its own.
   * `pause` runs between two document writes (each is a blocking write and flush), so a caller
   * serving requests meanwhile can let them through; the book must not change during it.
   */
  async saveMonths(gained: Set<string>, lost: Set<string>, opts: { rewriteCustomers?: boolean; pause?: () => Promise<void> } = {}): Promise<void> {
    const { rewriteCustomers = false, pause = async () => undefined } = opts;
    if (this.state.blocked) throw new DamagedDocumentError(this.state.blocked);
    const book = this.data.book;
    const months = [...new Set([...this.pending, ...gained, ...lost])];
    if (months.length === 0) return;
    for (const m of months) this.pending.add(m);
    const gen = this.manifest.gen + 1;
    const next: OrdersManifest = { v: 1, gen, customers: this.manifest.customers, months: { ...this.manifest.months } };
    const written: string[] = [];
    try {
      if (rewriteCustomers || book.customers.size !== this.savedCustomers || book.phonesChanged || !next.customers) {
        next.customers = customersDoc(gen);
        written.push(next.customers);
        const doc = await this.docs.open<CustomerList>(next.customers, { names: [], phones: [], orders: 0, lines: 0 });
        doc.data = { names: book.customers.names, phones: [...book.phones], orders: book.size, lines: book.lines };
        await doc.write();
        doc.data = { names: [], phones: [], orders: 0, lines: 0 };
        await pause();
      }
      await this.writeMonths(months, gen, next, written, pause);
      await this.commit(next);
    } catch (err) {
      for (const n of written) await this.docs.remove(n).catch(() => undefined);
      throw saveFailed(err);
    }
    const old = namedBy(this.manifest);
    for (const n of namedBy(next)) old.delete(n);
    this.manifest = next;
    this.pending.clear();
    this.savedCustomers = book.customers.size;
    book.phonesChanged = false;
    this.state.missingMonths = this.state.missingMonths.filter((m) => !months.includes(m.month));
    // Superseded files; if this is cut short, the next start removes the rest.
    for (const n of old) await this.docs.remove(n).catch(() => undefined);
  }

  private async writeMonths(months: string[], gen: number, next: OrdersManifest, written: string[], pause: () => Promise<void>): Promise<void> {
    const book = this.data.book;
    // Rows grouped by month in one typed array (a counting sort), not a million-element array per month.
    const monthIndex = new Map(months.map((m, i) => [m, i]));
    const monthOf = new Int32Array(book.size);
    const start = new Int32Array(months.length + 1);
    const lines = new Float64Array(months.length);
    for (let row = 0; row < book.size; row++) {
      const i = monthIndex.get(book.segmentOf(row)) ?? -1;
      monthOf[row] = i;
      if (i >= 0) {
        start[i + 1]++;
        lines[i] += book.lineCount.data[row];
      }
    }
    // Column memory for the largest month, once.
    const scratch = new SegmentScratch();
    scratch.reset(Math.max(0, ...months.map((_, i) => SegmentScratch.bytes(start[i + 1], lines[i]))));
    for (let i = 0; i < months.length; i++) start[i + 1] += start[i];
    const sorted = new Int32Array(start[months.length]);
    const fill = start.slice();
    for (let row = 0; row < book.size; row++) if (monthOf[row] >= 0) sorted[fill[monthOf[row]]++] = row;
    for (const [i, m] of months.entries()) {
      const rows = sorted.subarray(start[i], start[i + 1]);
      if (rows.length === 0) {
        delete next.months[m];
        continue;
      }
      const name = monthDoc(m, gen);
      written.push(name);
      const doc = await this.docs.open<AnySegment | EncodedSegment>(name, emptySegment());
      doc.data = encodeSegment(book, rows, scratch);
      await doc.write();
      doc.data = emptySegment();
      next.months[m] = name;
      await pause();
    }
  }

  /** Replaces the manifest: the one write that makes a save count. */
  private async commit(next: OrdersManifest): Promise<void> {
    const doc = await this.docs.open<OrdersManifest>(MANIFEST, emptyManifest());
    const before = doc.data;
    doc.data = next;
    try {
      await doc.write();
    } catch (err) {
      doc.data = before;
      throw err;
    }
  }

  async saveSeries(which: 'traffic' | 'spend'): Promise<void> {
    const doc = await this.docs.open<{ rows: [number, string, number][] }>(which, { rows: [] });
    doc.data = { rows: this.data[which].toRows() };
    await doc.write();
  }
}

/** The error of a failed save, saying that nothing of it reached the disk; keeps the cause's code (e.g. ENOSPC). */
function saveFailed(err: unknown): Error {
  if (!(err instanceof Error)) return new Error(String(err));
  const code = (err as { code?: unknown }).code;
  const wrapped = new Error(`the orders could not be saved (${err.message}); nothing of this change is on disk, which holds the orders as before it`, { cause: err });
  return code === undefined ? wrapped : Object.assign(wrapped, { code });
}

type AnySegment = OrderSegment | OrderSegmentV2 | OrderSegmentV3;

type FoundManifest = { manifest: OrdersManifest; exists: boolean; legacyInterrupted: boolean };

/** The manifest, or for a folder of the old layout one naming its files, or the damage that stops orders loading. */
async function findManifest(docs: DocStore): Promise<FoundManifest | { damage: DamagedDocument }> {
  if ((await docs.list(MANIFEST)).includes(MANIFEST)) {
    const doc = await openChecked<OrdersManifest>(docs, MANIFEST, emptyManifest(), (d) => {
      const r = OrdersManifest.safeParse(d);
      return r.success ? undefined : `not an orders manifest: ${r.error.issues[0]?.path.join('.') || 'root'} ${r.error.issues[0]?.message ?? ''}`.trim();
    });
    return 'damage' in doc ? doc : { manifest: doc.doc.data, exists: true, legacyInterrupted: false };
  }
  const months: Record<string, string> = {};
  for (const n of await docs.list('orders/')) if (/^orders\/\d{4}-\d{2}$/.test(n)) months[n.slice(7)] = n;
  const customers = (await docs.list(LEGACY_CUSTOMERS)).includes(LEGACY_CUSTOMERS) ? LEGACY_CUSTOMERS : null;
  // Only after an interrupted save of the old layout can an order sit in two months.
  const legacyInterrupted = (await docs.list(LEGACY_SAVING)).includes(LEGACY_SAVING);
  return { manifest: { v: 1, gen: 0, customers, months }, exists: false, legacyInterrupted };
}

/** Opens a document and checks its shape; a damaged one is set aside and reported instead. */
async function openChecked<T>(docs: DocStore, name: string, defaults: T, check?: (data: T) => string | undefined): Promise<{ doc: Doc<T> } | { damage: DamagedDocument }> {
  let doc: Doc<T>;
  try {
    doc = await docs.open<T>(name, defaults);
  } catch (err) {
    if (err instanceof DamagedDocumentError) return { damage: err.damage };
    throw err;
  }
  const problem = check?.(doc.data);
  if (!problem) return { doc };
  const damage = (await docs.setAside?.(name, problem)) ?? { name, file: `${name}.json`, problem, startsEmpty: false };
  return { damage };
}

function loadV1(data: StoreData, seg: OrderSegment): number {
  let maxRev = 0;
  let li = 0;
  for (let i = 0; i < seg.key.length; i++) {
    const colon = seg.key[i].indexOf(':');
    const n = seg.lines[i];
    const lines = [];
    for (let j = 0; j < n; j++, li++) lines.push({ sku: seg.sku[li], qty: seg.qty[li], amount: seg.lineAmount[li] });
    const paid = seg.paid[i];
    const coupon = seg.coupon[i];
    const customer = seg.customer[i];
    data.book.upsert(
      {
        platform: seg.key[i].slice(0, colon),
        orderId: seg.key[i].slice(colon + 1),
        channel: seg.channel[i],
        customer,
        createdAt: seg.created[i],
        ...(paid === null ? {} : { paidAt: paid }),
        status: STATUS_NAME[seg.status[i]],
        amount: seg.amount[i],
        refunded: seg.refunded[i],
        ...(coupon === null ? {} : { couponCode: coupon }),
        ...(Object.hasOwn(seg.phones, customer) ? { phone: seg.phones[customer] } : {}),
        lines,
      },
      seg.rev[i],
    );
    if (seg.rev[i] > maxRev) maxRev = seg.rev[i];
  }
  return maxRev;
}

/** `1 month`, `3 months`: the recovery line is read by operators. */
const several = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
