import { describe, expect, it } from 'vitest';
import { MemoryDocStore } from '../../../src/adapters/store/lowdb-doc-store.ts';
import { ApprovalBook } from '../../../src/domain/approvals/approval-book.ts';
import type { NewApproval } from '../../../src/domain/approvals/approval.ts';
import type { Role } from '../../../src/domain/roles.ts';

const T0 = new Date('2026-11-20T02:00:00Z');
const later = (h: number) => new Date(T0.getTime() + h * 3_600_000);
const ask = (o: Partial<NewApproval> = {}): NewApproval => ({
  kind: 'test.thing',
  subject: { zh: '测试', en: 'test' },
  requester: 'console:alice',
  conversation: 'console:ops-room',
  thread: 'm1',
  lang: 'en',
  approverRole: 'ops_manager',
  needsOverride: false,
  payload: { n: 1 },
  ttlHours: 48,
  ...o,
});
const manager = (user: string) => ({ user, roles: ['staff', 'ops_manager'] as Role[] });

describe('approval book', () => {
  it('numbers requests and sets the reminder halfway to expiry', async () => {
    const book = await ApprovalBook.open(new MemoryDocStore());
    const a = await book.create(ask(), T0);
    const b = await book.create(ask(), T0);
    expect([a.id, b.id]).toEqual([1, 2]);
    expect(a.remindAt).toBe(later(24).toISOString());
    expect(a.expiresAt).toBe(later(48).toISOString());
    expect(a.status).toBe('pending');
  });

  it('lets only a holder of the role who is not the requester decide', async () => {
    const book = await ApprovalBook.open(new MemoryDocStore());
    const r = await book.create(ask(), T0);
    expect(book.decide(r.id, { user: 'console:dave', roles: ['staff'], verdict: 'approved' }, later(1)).result).toBe('forbidden');
    expect(book.decide(r.id, { user: 'console:alice', roles: ['staff', 'ops_manager'], verdict: 'approved' }, later(1)).result).toBe('self');
    expect(book.get(r.id)!.status).toBe('pending');
    const ok = book.decide(r.id, { ...manager('console:bob'), verdict: 'approved' }, later(1));
    expect(ok.result).toBe('decided');
    expect(book.get(r.id)!.decision).toEqual({ verdict: 'approved', by: 'console:bob', at: later(1).toISOString() });
  });

  it('takes the first decision only; a later one is told the request is closed', async () => {
    const book = await ApprovalBook.open(new MemoryDocStore());
    const r = await book.create(ask(), T0);
    let applied = 0;
    const hooks = { apply: () => void applied++ };
    const first = book.decide(r.id, { ...manager('console:bob'), verdict: 'approved' }, later(1), hooks);
    const second = book.decide(r.id, { ...manager('console:carol'), verdict: 'rejected', reason: 'no' }, later(1), hooks);
    expect(first.result).toBe('decided');
    expect(second.result).toBe('closed');
    expect(applied).toBe(1);
    expect(book.get(r.id)!.decision!.by).toBe('console:bob');
    expect(book.decide(99, { ...manager('console:bob'), verdict: 'approved' }, later(1)).result).toBe('unknown');
  });

  it('needs an override with a reason to approve what breaks a rule', async () => {
    const book = await ApprovalBook.open(new MemoryDocStore());
    const r = await book.create(ask({ needsOverride: true }), T0);
    expect(book.decide(r.id, { ...manager('console:bob'), verdict: 'approved' }, later(1)).result).toBe('needs_override');
    expect(book.decide(r.id, { ...manager('console:bob'), verdict: 'approved', override: true, reason: '  ' }, later(1)).result).toBe('needs_reason');
    const ok = book.decide(r.id, { ...manager('console:bob'), verdict: 'approved', override: true, reason: 'Double 11' }, later(1));
    expect(ok.result).toBe('decided');
    expect(book.get(r.id)!.decision).toMatchObject({ override: true, reason: 'Double 11' });
  });

  it('lets a rule-breaking request be rejected without an override', async () => {
    const book = await ApprovalBook.open(new MemoryDocStore());
    const r = await book.create(ask({ needsOverride: true }), T0);
    expect(book.decide(r.id, { ...manager('console:bob'), verdict: 'rejected' }, later(1)).result).toBe('decided');
    expect(book.get(r.id)!.status).toBe('rejected');
  });

  it("asks the feature's check at decision time", async () => {
    const book = await ApprovalBook.open(new MemoryDocStore());
    const r = await book.create(ask(), T0);
    const refused = book.decide(r.id, { ...manager('console:bob'), verdict: 'approved' }, later(1), { check: () => ({ refuse: 'gone', needsOverride: false }) });
    expect(refused).toMatchObject({ result: 'refused', why: 'gone' });
    expect(book.decide(r.id, { ...manager('console:bob'), verdict: 'approved' }, later(1), { check: () => ({ needsOverride: true }) }).result).toBe('needs_override');
    expect(book.get(r.id)!.status).toBe('pending');
  });

  it('expires after its time, and a late decision finds it expired', async () => {
    const docs = new MemoryDocStore();
    const book = await ApprovalBook.open(docs);
    const a = await book.create(ask(), T0);
    const b = await book.create(ask(), later(10));
    expect(book.expireDue(later(47.9))).toEqual([]);
    expect(book.expireDue(later(48)).map((r) => r.id)).toEqual([a.id]);
    expect(book.expireDue(later(49))).toEqual([]);
    expect(book.get(a.id)!.status).toBe('expired');
    expect(book.decide(b.id, { ...manager('console:bob'), verdict: 'approved' }, later(58)).result).toBe('expired');
    expect(book.decide(b.id, { ...manager('console:bob'), verdict: 'approved' }, later(58)).result).toBe('closed');
    await book.save();
    const reopened = await ApprovalBook.open(docs);
    expect(reopened.get(b.id)!.status).toBe('expired');
  });
});
