import { describe, expect, it } from 'vitest';
import { maskAddresses, maskEmails, maskName, maskPhones, maskText } from '../../../src/domain/privacy/mask.ts';

describe('masking customer details for group chats', () => {
  it('phones keep the first three and last four digits', () => {
    expect(maskPhones('客户电话13812341234')).toBe('客户电话138****1234');
    expect(maskPhones('call 138 1234 5678 or +86-139-8765-4321')).toBe('call 138****5678 or +86139****4321');
    expect(maskPhones('座机 021-62345678')).toBe('座机 021-****5678');
    expect(maskPhones('订单 TB20261101-88 找12315')).toBe('订单 TB20261101-88 找12315');
  });

  it('addresses keep only the region', () => {
    expect(maskAddresses('寄到上海市浦东新区张江路123号5栋301室，谢谢')).toBe('寄到上海市浦东新区****，谢谢');
    expect(maskAddresses('ship to 12 Baker Street, Apt 5 please')).toBe('ship to [address] please');
    expect(maskAddresses('瓶子破损漏液')).toBe('瓶子破损漏液');
  });

  it('names keep their first character, wherever the customer name appears', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('Jane Doe')).toBe('J*** D**');
    expect(maskText('张三说收到的是空瓶，张三电话13812345678', ['张三'])).toBe('张*说收到的是空瓶，张*电话138****5678');
    expect(maskText('jane doe called twice', ['Jane Doe'])).toBe('J*** D** called twice');
  });

  it('e-mails keep the first character and the domain, and masking twice changes nothing', () => {
    expect(maskEmails('mail jane@example.com or J.Doe+shop@mail.example.co.uk.')).toBe('mail j***@example.com or J***@mail.example.co.uk.');
    expect(maskEmails('已脱敏 j***@example.com')).toBe('已脱敏 j***@example.com');
    expect(maskEmails('at @all, 2@3, user@localhost')).toBe('at @all, 2@3, user@localhost');
    expect(maskText('客户 jane@example.com 电话 13812345678')).toBe('客户 j***@example.com 电话 138****5678');
  });
});
