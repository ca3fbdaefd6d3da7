import { formatDay } from '../../domain/calendar.ts';
import { measure } from '../../domain/metrics/measure.ts';
import type { Day } from '../../domain/calendar.ts';
import { formatValue } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { ChartBlock } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';

// The brief's picture: GMV for each of the 14 store days up to the brief's day, with the 14 before drawn faintly behind.

const DAYS = 14;

export function briefTrend(services: Services, day: Day, lang: Lang): ChartBlock {
  const t = say(lang);
  const { currency } = services.store;
  const series = (last: Day) =>
    Array.from({ length: DAYS }, (_, i) => {
      const d = last - (DAYS - 1 - i);
      const v = measure(services.data, 'gmv', { kind: 'range', from: d, to: d }).value ?? 0;
      return { label: formatDay(d).slice(5), value: v, display: formatValue(v, 'money', currency, lang) };
    });
  return {
    type: 'chart',
    kind: 'line',
    title: t(`GMV · 近${DAYS}天`, `GMV · last ${DAYS} days`),
    valueKind: 'money',
    currency,
    points: series(day),
    compare: { label: t(`前${DAYS}天`, `${DAYS} days before`), points: series(day - DAYS) },
  };
}
