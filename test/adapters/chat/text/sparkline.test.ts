import { describe, expect, it } from 'vitest';
import { sparkline } from '../../../../src/chat/text/sparkline.ts';
import { renderChart } from '../../../../src/chat/text/render-text.ts';
import { trendSample } from '../../charts/chart-samples.ts';

describe('sparkline', () => {
  it('puts the lowest value on ▁ and the highest on █, one character per value', () => {
    expect(sparkline([3, 1, 2, 8, 8])).toBe('▃▁▂██'); // 1..8 over eight steps: 3 is two up
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
    expect(sparkline([])).toBe('');
  });

  it('draws a trend chart as one line in text answers, with its first and last values', () => {
    const block = trendSample(14);
    const line = renderChart(block);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain(`${block.points[0].label} ${block.points[0].display} → ${block.points[13].label} ${block.points[13].display}`);
    expect([...line.split('  ')[0]]).toHaveLength(14);
  });
});
