import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/ingest/import-file.ts';
import { dataset } from '../../support/datasets.ts';
import { computed, csvLine, expected, freshApp, tmpFile, type Paid } from './ingest-helpers.ts';

// Real data nobody on this project wrote: the CDNOW purchase panel (1/10 customer
// sample, 6,919 purchases, 1997-01 to 1998-06). Converted here into the own CSV
// schema — each purchase its own order, since a customer can buy several times a
// day — then imported; GMV, orders, buyers and repurchase rate must agree with a
// plain reduce over the raw rows.

interface Purchase {
  customer: string;
  date: string; // YYYY-MM-DD
  cds: number;
  dollars: string;
}

const raw: Purchase[] = readFileSync(dataset('cdnow/CDNOW_sample.txt'), 'utf8')
  .split(/\r?\n/)
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const [customer, , ymd, cds, dollars] = l.trim().split(/\s+/);
    return { customer, date: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`, cds: Number(cds), dollars };
  });

function ownCsv(rows: Purchase[]): string {
  const lines = ['platform,order_id,channel,customer,created_at,paid_at,status,amount,refunded,coupon_code,phone,items'];
  rows.forEach((r, i) => {
    const at = `${r.date}T12:00:00+08:00`;
    lines.push(csvLine(['cdnow', `P${i + 1}`, 'web', `cdnow-${r.customer}`, at, at, 'paid', r.dollars, '0.00', '', '', `CD:${r.cds}:${r.dollars}`]));
  });
  return lines.join('\n') + '\n';
}

// Dollars to cents by integer arithmetic on the text, independent of the importer.
const toCents = (d: string) => {
  const [whole, frac = ''] = d.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
};

describe('importing the CDNOW purchase panel (real data) through the own CSV schema', () => {
  it('GMV, orders, buyers and repurchase rate agree with an independent computation', async () => {
    expect(raw.length).toBe(6919);
    const app = await freshApp({ STORE_CURRENCY: 'USD' });
    const s = await importFile(tmpFile('cdnow.csv', ownCsv(raw)), 'orders', app.services);
    expect(s).toMatchObject({ format: 'own-csv', added: raw.length, replaced: 0, bad: 0 });
    const paid: Paid[] = raw.map((r) => ({ customer: `cdnow-${r.customer}`, date: r.date, amount: toCents(r.dollars), refunded: 0 }));
    const periods = [
      ['1997-01-01', '1997-01-31'],
      ['1997-03-01', '1997-03-31'],
      ['1997-01-01', '1997-03-31'],
      ['1997-01-01', '1997-12-31'],
      ['1998-01-01', '1998-06-30'],
      ['1997-01-01', '1998-06-30'],
      ['1997-02-14', '1997-02-14'],
    ];
    for (const [from, to] of periods) {
      const want = expected(paid, from, to);
      const got = computed(app, from, to);
      expect({ gmv: got.gmv, orders: got.orders, buyers: got.buyers, repurchase: got.repurchase }, `${from}..${to}`).toEqual({
        gmv: want.gmv,
        orders: want.orders,
        buyers: want.buyers,
        repurchase: want.repurchase,
      });
    }
    // Sanity on the independent side: early 1997 is the panel's busiest quarter, with real repeat buying.
    expect(expected(paid, '1997-01-01', '1997-03-31').repurchase).toBeGreaterThan(0.2);
  });
});
