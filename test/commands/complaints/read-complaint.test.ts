import { describe, expect, it } from 'vitest';
import { readComplaint } from '../../../src/features/complaints/read-complaint.ts';

describe('reading a new complaint', () => {
  it('picks out order, customer and channel written as fields, keeping the rest as the text', () => {
    expect(readComplaint('订单 TB20261101-88 瓶子破损漏液，客户说要找12315')).toEqual({ text: '瓶子破损漏液，客户说要找12315', order: 'TB20261101-88' });
    expect(readComplaint('客户：张三 渠道 抖音 快递三天没到')).toEqual({ text: '快递三天没到', customer: '张三', channel: 'douyin' });
    expect(readComplaint('order JD-778812 customer: Jane Doe via jd parcel never arrived')).toEqual({ text: 'parcel never arrived', order: 'JD-778812', customer: 'Jane Doe', channel: 'jd' });
  });

  it('leaves ordinary words alone', () => {
    expect(readComplaint('the order arrived late')).toEqual({ text: 'the order arrived late' });
    expect(readComplaint('客户说态度不好')).toEqual({ text: '客户说态度不好' });
  });
});
