import { formatDay, type Day } from '../../domain/calendar.ts';
import { measure } from '../../domain/metrics/measure.ts';
import type { Period } from '../../domain/periods.ts';
import { formatValue } from '../shared/format.ts';
import { say, type Lang } from '../../chat/lang.ts';
import type { ChartBlock } from '../../chat/reply.ts';
import type { Services } from '../../bot/services.ts';

// The weekly report's picture: last week's GMV day by day, Monday to Sunday, with the week
// before drawn faintly behind it, so a weekday that fell behind shows at a glance.

const WEEKDAYS = { zh: ['一', '二', '三', '四', '五', '六', '日'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] };

export function weeklyTrend(services: Services, week: Period, lang: Lang): ChartBlock {
  const t = say(lang);
  const { currency } = services.store;
  const days = (monday: Day) =>
    Array.from({ length: 7 }, (_, i) => {
      const d = monday + i;
      const v = measure(services.data, 'gmv', { kind: 'range', from: d, to: d }).value ?? 0;
      return { label: `${formatDay(d).slice(5)} ${lang === 'zh' ? `周${WEEKDAYS.zh[i]}` : WEEKDAYS.en[i]}`, value: v, display: formatValue(v, 'money', currency, lang) };
    });
  return {
    type: 'chart',
    kind: 'line',
    title: t('上周每日 GMV', 'GMV by day, last week'),
    valueKind: 'money',
    currency,
    points: days(week.from),
    compare: { label: t('前一周', 'The week before'), points: days(week.from - 7) },
  };
}
