import { z } from 'zod';

// Which files hold the orders. An import writes every month it touches (and the customer
// list, if it grew) as new files of the next generation, `orders/2026-10.g8`, then commits
// them all at once by replacing this one small document: a kill or a full disk before that
// leaves the previous generation in force, after it the new one. Files the manifest does
// not name are left over from an interrupted or superseded save and are removed at start.

export const MANIFEST = 'orders/manifest';
/** The layout before manifests: `order-customers`, `orders/<month>`, and this marker while saving. */
export const LEGACY_CUSTOMERS = 'order-customers';
export const LEGACY_SAVING = 'orders-saving';

export const OrdersManifest = z.object({
  v: z.literal(1),
  gen: z.number().int().nonnegative(),
  customers: z.string().nullable(),
  months: z.record(z.string().regex(/^\d{4}-\d{2}$/), z.string()),
});
export type OrdersManifest = z.infer<typeof OrdersManifest>;

export const emptyManifest = (): OrdersManifest => ({ v: 1, gen: 0, customers: null, months: {} });
export const monthDoc = (month: string, gen: number) => `orders/${month}.g${gen}`;
export const customersDoc = (gen: number) => `orders/customers.g${gen}`;

/** The generation a file name belongs to, or undefined for a name of the old layout. */
export function genOf(name: string): number | undefined {
  const m = /\.g(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** The documents a manifest keeps. */
export const namedBy = (m: OrdersManifest): Set<string> => new Set([...(m.customers ? [m.customers] : []), ...Object.values(m.months)]);
