import type { DocStore } from '../../domain/ports.ts';

// Conversations that turned chart pictures off (`图表 关闭` / `charts off`); on is the default.
// Kept in the `chart-prefs` document (not under charts/, where the terminal writes PNGs), so a restart remembers.

export interface ChartPrefsDoc {
  /** Conversation id → when and by whom pictures were turned off. */
  off: Record<string, { at: string; by: string }>;
}

export const openChartPrefs = (docs: DocStore) => docs.open<ChartPrefsDoc>('chart-prefs', { off: {} });

export async function chartsOn(docs: DocStore, conversation: string): Promise<boolean> {
  return !(await openChartPrefs(docs)).data.off[conversation];
}
