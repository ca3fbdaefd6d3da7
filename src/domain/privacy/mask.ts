// Customers' phone numbers, e-mails, addresses and names never reach a group conversation in
// the clear: whatever the bot writes to a group goes through maskText first.

/** Mainland mobiles (138 1234 5678, +86-138-1234-5678) and landlines (021-12345678). */
const MOBILE = /(?<!\d)((?:\+?86[\s-]?)?1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3})-(\d{3,4})(\d{4})(?!\d)/g;
const INTL = /\+(?!86)\d{1,3}[\s-]?\d{2,4}[\s-]?\d{3,4}[\s-]?(\d{4})(?!\d)/g;

export function maskPhones(text: string): string {
  return text
    .replace(MOBILE, (_m, head: string, _mid: string, tail: string) => `${head.replace(/[\s-]/g, '')}****${tail}`)
    .replace(LANDLINE, (_m, area: string, _mid: string, tail: string) => `${area}-****${tail}`)
    .replace(INTL, (m, tail: string) => `${m.slice(0, m.indexOf(' ') > 0 ? m.indexOf(' ') : 3)}****${tail}`);
}

// An e-mail keeps its first character and its domain: jane@example.com → j***@example.com.
// `*` is not a local-part character here, so masking twice changes nothing.
const EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})/g;

export const maskEmails = (text: string): string => text.replace(EMAIL, '$1***@$2');

// A Chinese address: from a province/city/district word up to the house number or room.
const ZH_ADDRESS = /([\u4e00-\u9fa5]{2,8}(?:省|自治区|市|区|县|镇))(?:[\u4e00-\u9fa5A-Za-z0-9\-#]{0,40}?(?:路|街|道|巷|弄|村|号|栋|幢|楼|单元|室|小区|大厦|园))+(?:[0-9A-Za-z\-#]+(?:号|室|楼|栋|幢)?)?/g;
// An English street address: "12 Baker Street", "1600 Amphitheatre Pkwy, Apt 5".
const EN_ADDRESS = /\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Parkway|Pkwy)\b\.?(?:,?\s*(?:Apt|Suite|Unit|#)\s*\w+)?/g;

export function maskAddresses(text: string): string {
  return text
    .replace(ZH_ADDRESS, (_m, region: string) => `${region}****`)
    .replace(EN_ADDRESS, '[address]');
}

/** Keeps only each name's first character: 张三 → 张*, 欧阳娜娜 → 欧***, Jane Doe → J*** D**. */
export function maskName(name: string): string {
  const n = name.trim();
  if (!n) return n;
  if (/[\u4e00-\u9fa5]/.test(n)) return n[0] + '*'.repeat(Math.max(1, [...n].length - 1));
  return n
    .split(/\s+/)
    .map((w) => w[0] + '*'.repeat(Math.max(1, w.length - 1)))
    .join(' ');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Masks phones, e-mails, addresses and the given customer names wherever they appear. */
export function maskText(text: string, names: string[] = []): string {
  let out = maskAddresses(maskEmails(maskPhones(text)));
  for (const name of names.filter((n) => n.trim().length > 0).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escape(name.trim()), 'gi'), maskName(name));
  }
  return out;
}
