import type { ChartBlock } from '../../../src/chat/reply.ts';

// The charts the features draw, with fixed numbers, shared by the render tests and the bench.

const yuan = (minor: number) => `¥${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

/** A daily trend of `days` days with last period's line behind it (values in fen). */
export function trendSample(days = 14, lang: 'zh' | 'en' = 'zh'): ChartBlock {
  const day = (i: number) => new Date(Date.UTC(2026, 10, 27) - (days - 1 - i) * 86_400_000).toISOString().slice(5, 10);
  const value = (i: number, shift: number) => 1_200_000 + ((i * 37_000 + shift) % 500_000) + (i % 7 === 5 ? 300_000 : 0);
  return {
    type: 'chart',
    kind: 'line',
    title: lang === 'zh' ? `每日GMV · 近${days}天` : `GMV by day · last ${days} days`,
    valueKind: 'money',
    currency: 'CNY',
    points: Array.from({ length: days }, (_, i) => ({ label: day(i), value: value(i, 0), display: yuan(value(i, 0)) })),
    compare: { label: lang === 'zh' ? '上期' : 'Previous', points: Array.from({ length: days }, (_, i) => ({ label: day(i), value: value(i, 90_000) * 0.9, display: yuan(value(i, 90_000) * 0.9) })) },
  };
}

const CHANNELS = ['天猫', '抖音', '小红书', '京东', '拼多多', '微信小程序', 'Shopify', '快手', '得物', '唯品会'];

/** Bars by channel with their change against the previous period. */
export function channelBarsSample(rows = 5, lang: 'zh' | 'en' = 'zh'): ChartBlock {
  return {
    type: 'chart',
    kind: 'bar',
    title: lang === 'zh' ? 'GMV · 按渠道' : 'GMV by channel',
    valueKind: 'money',
    points: CHANNELS.slice(0, rows).map((c, i) => ({ label: c, value: 5_000_000 - i * 450_000, display: yuan(5_000_000 - i * 450_000), change: i % 3 === 1 ? '▼-3.2%' : `▲+${(12.5 - i).toFixed(1)}%` })),
  };
}

/** KPI pacing: one row on pace, one behind, one far behind. */
export function pacingSample(lang: 'zh' | 'en' = 'zh'): ChartBlock {
  const rows = [
    { label: lang === 'zh' ? '全店' : 'Store', actual: 95_000_000, expected: 90_000_000, target: 150_000_000 },
    { label: lang === 'zh' ? '抖音' : 'Douyin', actual: 15_000_000, expected: 18_000_000, target: 30_000_000 },
    { label: lang === 'zh' ? '天猫' : 'Tmall', actual: 20_000_000, expected: 36_000_000, target: 60_000_000 },
  ];
  const wan = (minor: number) => (lang === 'zh' ? `¥${minor / 1_000_000}万` : `¥${minor / 100_000}K`);
  return {
    type: 'chart',
    kind: 'pacing',
    title: lang === 'zh' ? '11月目标进度' : 'November target pacing',
    valueKind: 'money',
    points: rows.map((r) => ({ label: r.label, value: r.actual, display: wan(r.actual) })),
    pacing: rows.map((r) => ({ ...r, display: { actual: wan(r.actual), expected: wan(r.expected), target: wan(r.target) } })),
  };
}

/** Member segment sizes (counts). */
export function segmentsSample(): ChartBlock {
  const sizes: [string, number][] = [['高价值活跃', 412], ['高价值沉睡', 268], ['低价值活跃', 1_304], ['沉睡', 2_210], ['其他', 955]];
  return { type: 'chart', kind: 'bar', title: '各分层人数', valueKind: 'count', points: sizes.map(([label, n]) => ({ label, value: n, display: n.toLocaleString('zh-CN') })) };
}
