// One line of ▁▂▃▄▅▆▇█ for a trend in the terminal, lowest value on ▁ and highest on █.

const BARS = '▁▂▃▄▅▆▇█';

export function sparkline(values: number[]): string {
  if (values.length === 0) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (hi === lo) return BARS[3].repeat(values.length);
  return values.map((v) => BARS[Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))]).join('');
}
