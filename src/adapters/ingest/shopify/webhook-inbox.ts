import { join } from 'node:path';
import type { Services } from '../../../bot/services.ts';
import { applyOrders } from '../../../domain/orders/apply-orders.ts';
import type { Order } from '../../../domain/orders/order.ts';
import type { Doc } from '../../../domain/ports.ts';
import { Journal } from '../live/journal.ts';
import { inLane } from '../live/write-lane.ts';
import { parseBigJson } from './big-json.ts';
import { emptyState, noteDelivery, revisedOrder, webhookOrder, type ShopifyOrderState } from './webhook-order.ts';
import { inventoryPayload, orderPayload, refundPayload, type Topic } from './webhook-payloads.ts';
import { zodReason } from '../own-orders.ts';
import { parseMoney } from '../../../domain/money.ts';
import { refundTotal } from './webhook-payloads.ts';

// Shopify deliveries: journaled (durable) before the 200, then applied in batches by one
// loop. Each webhook id is applied once (Shopify retries for up to 48 hours; ids are kept a
// week); a delivery older than what the book holds never overwrites it.

export interface Delivery {
  id: string;
  topic: Topic;
  /** X-Shopify-Triggered-At, when present. */
  at?: string;
  body: string;
}

export interface InventoryUpdate {
  item: string;
  location?: string;
  available: number;
  at: number;
}

interface WebhookDoc {
  seen: Record<string, number>;
  orders: Record<string, ShopifyOrderState>;
  /** The last checkpoint delta folded into this document (later ones are read on top of it). */
  through?: number;
}

/**
 * A checkpoint writes only what changed since the one before (ids seen, states of orders
 * touched) as a numbered delta; the whole document is rewritten every COMPACT_AFTER deltas.
 * Rewriting tens of thousands of ids and states every few seconds would block answers for
 * about 100 ms each time.
 */
const DELTAS = 'shopify-webhooks-deltas/';
const COMPACT_AFTER = 24;
const deltaName = (n: number) => `${DELTAS}${String(n).padStart(10, '0')}`;
const deltaNumber = (name: string) => Number(name.slice(DELTAS.length));

const KEEP_SEEN_MS = 7 * 86_400_000;
/** How often journaled deliveries are applied (to memory: queries see them) during a burst. */
const APPLY_EVERY_MS = 250;
/**
 * How often live batches are checkpointed (their months saved, then the ids noted). A save
 * blocks answers for a few tens of milliseconds; every 5 s keeps that under 1% of the answers at
 * 1,000 deliveries a second, and a crash replays at most these seconds from the journal.
 */
const CHECKPOINT_MS = 5_000;
/** Deliveries mapped between two turns of the event loop (a few milliseconds of work), so answers never wait long. */
const TAKE_CHUNK = 100;

/** Lets the event loop answer what waits (webhooks, chats) between two steps of applying. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ShopifyWebhookInbox {
  private readonly journal: Journal<Delivery>;
  private known = new Set<string>();
  private readonly writing = new Map<string, Promise<void>>();
  private doc!: Doc<WebhookDoc>;
  /** Ids seen and states changed since the last checkpoint: what its delta holds. */
  private delta: WebhookDoc = { seen: {}, orders: {} };
  /** Deltas on disk not yet folded into the document, oldest first. */
  private deltas: number[] = [];
  private lastDelta = 0;
  private applying?: Promise<void>;
  private timer?: NodeJS.Timeout;
  /** Writes the checkpoint once a burst is over, so its orders do not wait for the next delivery or the stop. */
  private idle?: NodeJS.Timeout;
  /** Segments applied since the last checkpoint (removed when it is written). */
  private readonly applied = new Set<string>();
  private checkpointAt = 0;
  /** Deliveries that could not be mapped, with why (logged, and counted for `status`). */
  rejected = 0;

  constructor(
    private readonly services: Services,
    dataDir: string,
    private readonly opts: { fsync?: boolean; applyEveryMs?: number; checkpointEveryMs?: number; onInventory?: (u: InventoryUpdate[]) => Promise<void> } = {},
  ) {
    this.journal = new Journal<Delivery>(join(dataDir, 'shopify-inbox'), opts.fsync ?? true);
  }

  /** Loads what was applied and applies what was journaled but not yet applied (after a crash). */
  async open(): Promise<this> {
    const docs = this.services.docs;
    this.doc = await docs.open<WebhookDoc>('shopify-webhooks', { seen: {}, orders: {} });
    const through = (this.lastDelta = this.doc.data.through ?? 0);
    for (const name of (await docs.list(DELTAS)).filter((n) => /^\d{10}$/.test(n.slice(DELTAS.length))).sort()) {
      const n = deltaNumber(name);
      // Folded in already: a stop between rewriting the document and removing its deltas.
      if (n <= through) {
        await docs.remove(name);
        continue;
      }
      const d = await docs.open<WebhookDoc>(name, { seen: {}, orders: {} });
      Object.assign(this.doc.data.seen, d.data.seen);
      Object.assign(this.doc.data.orders, d.data.orders);
      d.data = { seen: {}, orders: {} };
      this.deltas.push(n);
      this.lastDelta = n;
    }
    this.known = new Set(Object.keys(this.doc.data.seen));
    for (const seg of this.journal.segments()) for (const d of this.journal.read(seg)) this.known.add(d.id);
    await this.applyPending({ checkpoint: true });
    this.checkpointAt = Date.now();
    return this;
  }

  /** Whether this webhook id has been received before (journaled or applied). */
  has(id: string): boolean {
    return this.known.has(id);
  }

  /** Durably records a delivery; resolves once it is on disk. Applying follows shortly after. */
  async receive(d: Delivery): Promise<'accepted' | 'duplicate'> {
    if (this.known.has(d.id)) return 'duplicate';
    // The same id arriving while its first copy is being written waits for that write.
    const writing = this.writing.get(d.id);
    if (writing) return writing.then(() => 'duplicate');
    const write = this.journal.append(d);
    this.writing.set(d.id, write);
    try {
      await write;
    } finally {
      this.writing.delete(d.id);
    }
    this.known.add(d.id);
    this.schedule();
    return 'accepted';
  }

  /**
   * Applies everything journaled so far. Deliveries are applied in batches at most every
   * `applyEveryMs`, into memory; the months they touched are saved at the next checkpoint
   * (`checkpoint: true` forces one). A call while a batch runs waits for it and runs another.
   */
  applyPending(opts: { checkpoint?: boolean } = {}): Promise<void> {
    if (this.applying) return this.applying.then(() => this.applyPending(opts));
    clearTimeout(this.timer);
    this.timer = undefined;
    this.applying = (async () => {
      const segments = await this.journal.cut();
      if (segments.length > 0) await inLane(this.services.data, () => this.applySegments(segments, opts.checkpoint));
    })().finally(() => (this.applying = undefined));
    return this.applying;
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      if (this.applying) return this.schedule();
      this.applyPending().catch((err: unknown) => this.services.log.error({ err }, 'shopify deliveries could not be applied; they stay journaled'));
    }, this.opts.applyEveryMs ?? APPLY_EVERY_MS);
  }

  private async applySegments(all: string[], checkpoint = false): Promise<void> {
    const segments = all.filter((seg) => !this.applied.has(seg));
    const seen = this.doc.data.seen;
    const fresh: Delivery[] = [];
    for (const seg of segments) for (const d of this.journal.read(seg)) if (!(d.id in seen)) fresh.push(d), (seen[d.id] = this.delta.seen[d.id] = Date.now());
    await this.applyDeliveries(fresh, false);
    for (const seg of segments) this.applied.add(seg);
    // The checkpoint (the orders' months, then seen ids and order states) is written every few
    // seconds, not per batch: until then the segments stay, and a crash replays them to the same result.
    const every = this.opts.checkpointEveryMs ?? CHECKPOINT_MS;
    if (checkpoint || Date.now() - this.checkpointAt >= every) await this.checkpoint();
    else this.idle ??= setTimeout(() => {
      this.idle = undefined;
      this.applyPending({ checkpoint: true }).catch((err: unknown) => this.services.log.error({ err }, 'shopify checkpoint failed; the deliveries stay journaled'));
    }, every).unref();
  }

  private async checkpoint(): Promise<void> {
    clearTimeout(this.idle);
    this.idle = undefined;
    // The months first: the ids below are noted as applied only once their orders are on disk.
    if (this.services.orders.unsaved) {
      await breathe();
      await this.services.orders.saveMonths(new Set(), new Set(), { pause: breathe });
    }
    await breathe();
    await this.note();
    this.checkpointAt = Date.now();
    for (const seg of this.applied) this.journal.remove(seg);
    this.applied.clear();
  }

  /**
   * Orders read by the backfill, applied by the same rules as deliveries (an order the
   * webhooks already hold in a newer version is not overwritten). Not journaled: the
   * backfill's cursor moves on only after this returns.
   */
  applyBackfill(payloads: { id: string; body: string }[]): Promise<{ applied: number }> {
    return inLane(this.services.data, async () => ({ applied: await this.applyDeliveries(payloads.map((p) => ({ id: p.id, topic: 'orders/updated' as const, body: p.body }))) }));
  }

  /**
   * Maps deliveries to orders and puts them in the book. Live batches (`save` false) leave the
   * months for the checkpoint to save, their journal segments standing until then; the backfill
   * saves at once (its cursor is the only record), which also commits months a live batch left.
   */
  private async applyDeliveries(list: Delivery[], save = true): Promise<number> {
    const orders = new Map<string, Order>();
    const inventory: InventoryUpdate[] = [];
    for (let i = 0; i < list.length; i++) {
      this.take(list[i], orders, inventory);
      if ((i + 1) % TAKE_CHUNK === 0) await breathe();
    }
    if (orders.size > 0) await applyOrders(this.services.data, this.services.orders, orders.values(), { save });
    if (inventory.length > 0) await this.opts.onInventory?.(inventory);
    // Applied (and saved) before noted: a crash in between re-applies the same deliveries to the same result.
    if (save) await this.note();
    return orders.size;
  }

  /** Writes the ids and states changed since the last note as a delta, or every so often the whole document. */
  private async note(): Promise<void> {
    const docs = this.services.docs;
    if (this.deltas.length >= COMPACT_AFTER) {
      const cutoff = Date.now() - KEEP_SEEN_MS;
      const seen = this.doc.data.seen;
      for (const [id, t] of Object.entries(seen)) if (t < cutoff) delete seen[id];
      this.doc.data.through = this.lastDelta;
      await this.doc.write();
      // If this is cut short, the next start removes the rest (their numbers are at most `through`).
      for (const n of this.deltas) await docs.remove(deltaName(n));
      this.deltas = [];
    } else if (Object.keys(this.delta.seen).length > 0 || Object.keys(this.delta.orders).length > 0) {
      const n = this.lastDelta + 1;
      const d = await docs.open<WebhookDoc>(deltaName(n), { seen: {}, orders: {} });
      d.data = this.delta;
      await d.write();
      d.data = { seen: {}, orders: {} };
      this.lastDelta = n;
      this.deltas.push(n);
    }
    this.delta = { seen: {}, orders: {} };
  }

  /** One delivery → the order it changes (the latest version within the batch wins). */
  private take(d: Delivery, orders: Map<string, Order>, inventory: InventoryUpdate[]): void {
    const { currency } = this.services.store;
    const log = this.services.log;
    let raw: unknown;
    try {
      raw = parseBigJson(d.body);
    } catch {
      return this.reject(d, 'the body is not JSON');
    }
    const states = this.doc.data.orders;
    if (d.topic === 'refunds/create') {
      const r = refundPayload.safeParse(raw);
      if (!r.success) return this.reject(d, zodReason(r.error));
      const st = (this.delta.orders[r.data.order_id] = states[r.data.order_id] ??= emptyState());
      st.refunds[r.data.id] = refundTotal(r.data, (s) => parseMoney(s, currency));
      const current = st.name ? (orders.get(st.name) ?? this.inBook(st.name)) : undefined;
      if (current) orders.set(current.orderId, revisedOrder(current, st));
      return;
    }
    if (d.topic === 'inventory_levels/update') {
      const r = inventoryPayload.safeParse(raw);
      if (!r.success) return this.reject(d, zodReason(r.error));
      if (r.data.available === null) return;
      inventory.push({ item: r.data.inventory_item_id, ...(r.data.location_id ? { location: r.data.location_id } : {}), available: r.data.available, at: Date.parse(r.data.updated_at ?? d.at ?? new Date().toISOString()) });
      return;
    }
    const p = orderPayload.safeParse(raw);
    if (!p.success) return this.reject(d, zodReason(p.error));
    const st = (this.delta.orders[p.data.id] = states[p.data.id] ??= emptyState());
    noteDelivery(st, p.data, currency);
    const updated = Date.parse(p.data.updated_at ?? p.data.created_at);
    if (st.updatedAt !== undefined && updated < st.updatedAt) {
      // Older than what we hold: only what it adds (a refund, an earlier unpaid state) is taken.
      const current = orders.get(p.data.name) ?? this.inBook(p.data.name);
      if (current) orders.set(current.orderId, revisedOrder(current, st));
      return;
    }
    const o = webhookOrder(p.data, st, currency);
    if (typeof o === 'string') return this.reject(d, `order ${p.data.name}: ${o}`);
    st.updatedAt = updated;
    orders.set(o.orderId, o);
    log.debug({ webhook: d.id, topic: d.topic, order: o.orderId }, 'shopify delivery');
  }

  private inBook(name: string): Order | undefined {
    const row = this.services.data.book.rowFor('shopify', name);
    return row === undefined ? undefined : this.services.data.book.order(row);
  }

  private reject(d: Delivery, reason: string): void {
    this.rejected++;
    this.services.log.warn({ webhook: d.id, topic: d.topic, reason }, 'shopify delivery not applied');
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    clearTimeout(this.idle);
    this.idle = undefined;
    // What is journaled is applied before stopping (and would be at the next start anyway).
    await this.applyPending({ checkpoint: true }).catch((err: unknown) => this.services.log.error({ err }, 'shopify deliveries left journaled at stop'));
    await this.journal.close();
  }
}
