import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/domain/complaints/classify.ts';
import { complaintRulesSchema, defaultComplaintRules } from '../../../src/domain/playbook/complaints.ts';
import { complaintRules } from '../../../src/domain/playbook/complaints.ts';

const rules = defaultComplaintRules();

describe('severity from the playbook keyword lists', () => {
  it.each([
    ['瓶子破损漏液，客户说要找12315', 'serious', 'regulator', '12315'],
    ['用了以后过敏，脸红肿', 'serious', 'allergy', '过敏'],
    ['customer says it is counterfeit', 'serious', 'counterfeit', 'counterfeit'],
    ['记者联系我们要曝光', 'serious', 'media', '媒体'],
    ['the lid is broken', 'serious', 'quality', 'broken'],
    ['快递三天没到', 'normal', 'delivery', '快递'],
    ['want a refund', 'normal', 'refund', 'refund'],
    ['客服态度很差', 'normal', 'attitude', '态度'],
    ['asks about the gift wrapping', 'watch', undefined, undefined],
  ])('%s → %s', (text, severity, category, keyword) => {
    const v = classify(text, rules);
    expect(v.severity).toBe(severity);
    expect(v.category).toBe(category);
    if (keyword === '媒体') expect(['媒体', '记者', '曝光']).toContain(v.keyword);
    else expect(v.keyword).toBe(keyword);
  });

  it('matches English keywords as whole words only', () => {
    expect(classify('the plate design changed', rules).severity).toBe('watch'); // not "late"
    expect(classify('parcel is late', rules).category).toBe('delivery');
  });

  it('reads keyword lists and windows from the playbook file', () => {
    const custom = complaintRules({ complaints: { keywords: { attitude: { zh: ['冷淡'], en: ['cold'] } }, resolutionHours: { normal: 12 } } });
    expect(classify('客服很冷淡', custom).category).toBe('attitude');
    expect(classify('客服态度差', custom).severity).toBe('watch');
    expect(custom.resolutionHours).toEqual({ serious: 4, quality: 48, normal: 12, watch: 24 });
    expect(custom.keywords.quality.zh).toContain('破损'); // untouched lists keep their defaults
    expect(() => complaintRules({ complaints: { warnAt: 1.5 } })).toThrow(/warnAt/);
    expect(complaintRulesSchema.safeParse({ businessHours: { start: '18:00', end: '09:00' } }).success).toBe(false);
  });
});
