import { z } from 'zod';

// An order as the domain understands it, whatever file or platform it came from.
// Money is integer minor units (fen, cents); times are epoch milliseconds (UTC).

export const ORDER_STATUSES = ['paid', 'cancelled', 'unpaid'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const orderLineSchema = z.object({
  sku: z.string().min(1),
  qty: z.number().int().min(0),
  amount: z.number().int(),
});

export const orderSchema = z
  .object({
    platform: z.string().min(1).max(40),
    orderId: z.string().min(1).max(120),
    channel: z.string().min(1).max(40),
    customer: z.string().min(1).max(200),
    createdAt: z.number().finite(),
    paidAt: z.number().finite().optional(),
    status: z.enum(ORDER_STATUSES),
    amount: z.number().int().min(0),
    refunded: z.number().int().min(0),
    couponCode: z.string().max(60).optional(),
    phone: z.string().max(40).optional(),
    lines: z.array(orderLineSchema),
  })
  .refine((o) => o.refunded <= o.amount, { message: 'refund is larger than the order total', path: ['refunded'] })
  .refine((o) => o.status !== 'paid' || o.paidAt !== undefined, { message: 'a paid order needs a payment time', path: ['paidAt'] });

export type OrderLine = z.infer<typeof orderLineSchema>;
export type Order = z.infer<typeof orderSchema>;

/** Identity of an order across imports: the platform it came from plus its id there. */
export const orderKey = (platform: string, orderId: string) => `${platform}:${orderId}`;

/** Whether a paid order counts: paid and not cancelled. Refunds keep it in GMV (net GMV subtracts them). */
export const STATUS_CODE: Record<OrderStatus, number> = { paid: 0, cancelled: 1, unpaid: 2 };
export const STATUS_NAME: OrderStatus[] = ['paid', 'cancelled', 'unpaid'];
