import { channelId } from '../shared/channels.ts';

// The words after `投诉` / `complaint new`: free text, with an order number, a customer and
// a channel picked out when they are written as fields (订单 TB2026-88, 客户：张三, 渠道 抖音).

export interface ComplaintWords {
  text: string;
  order?: string;
  customer?: string;
  channel?: string;
}

const ORDER = /(?:订单号?|单号|order(?:\s*(?:no\.?|number|id))?)\s*[:：#]?\s*((?=[A-Za-z_-]*\d)[A-Za-z0-9][A-Za-z0-9_-]{3,39})/i;
const CUSTOMER = /(?:客户|顾客|买家|customer)\s*[:：]\s*("[^"]+"|[\u4e00-\u9fa5·]{2,5}(?=[\s,，;；。]|$)|[A-Za-z][A-Za-z'.-]*(?:\s+[A-Z][A-Za-z'.-]*)?)/i;
const CHANNEL = /(?:渠道|平台|channel|via)\s*[:：]?\s*([\u4e00-\u9fa5]{2,5}|[A-Za-z-]{2,20})/i;

export function readComplaint(rest: string): ComplaintWords {
  let text = rest;
  const take = (re: RegExp): string | undefined => {
    const m = re.exec(text);
    if (!m) return undefined;
    text = (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).trim();
    return m[1].replace(/^"|"$/g, '').trim();
  };
  const order = take(ORDER);
  const customer = take(CUSTOMER);
  let channel: string | undefined;
  const ch = CHANNEL.exec(text);
  if (ch && channelId(ch[1])) {
    channel = channelId(ch[1]);
    text = (text.slice(0, ch.index) + ' ' + text.slice(ch.index + ch[0].length)).trim();
  }
  text = text.replace(/^[\s,，;；:：。.]+|[\s,，;；]+$/g, '').replace(/\s{2,}/g, ' ');
  return { text, ...(order ? { order } : {}), ...(customer ? { customer } : {}), ...(channel ? { channel } : {}) };
}
