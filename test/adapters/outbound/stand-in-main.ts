import type { RateLimit } from '../../../src/outbound/pacing.ts';
import { startStandIn } from './stand-in-platform.ts';

// The stand-in in a process of its own (for the bench), so the dispatcher's work never delays
// when it counts arrivals. Limits come as JSON in STAND_IN_LIMITS; prints its URL, then serves
// GET /stats: { accepted, duplicates, tooMany, firstMs, lastMs, count }.

const standIn = await startStandIn(JSON.parse(process.env.STAND_IN_LIMITS ?? '[]') as RateLimit[]);
const { createServer } = await import('node:http');
const stats = createServer((_req, res) => {
  const t = standIn.times;
  res.end(JSON.stringify({ accepted: standIn.accepted.size, duplicates: [...standIn.accepted.values()].filter((n) => n > 1).length, tooMany: standIn.tooMany, tooManyBy: standIn.tooManyBy, count: t.length, firstMs: t[0], lastMs: t[t.length - 1] }));
});
stats.listen(0, '127.0.0.1', () => {
  const port = (stats.address() as { port: number }).port;
  process.stdout.write(`${standIn.url} http://127.0.0.1:${port}\n`);
});
