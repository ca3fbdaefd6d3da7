// "（迟到 2小时5分）" / "(late by 2h 5m)": added when a message goes out well after it fell due,
// e.g. after the bot was down across a scheduled slot.

const MIN = 60_000;

export function lateNote(lateMs: number, lang: 'zh' | 'en'): string {
  const total = Math.max(1, Math.round(lateMs / MIN));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (lang === 'zh') return `（迟到 ${d ? `${d}天` : ''}${h ? `${h}小时` : ''}${m || (!d && !h) ? `${m}分` : ''}）`;
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m || (!d && !h) ? `${m}m` : ''].filter(Boolean);
  return `(late by ${parts.join(' ')})`;
}
