import { mapReplyText, quietBroadcasts } from './mention-guard.ts';
import { displayWidth as stringWidth } from './display-width.ts';
import { arrow } from '../../features/shared/format.ts';
import type { Block, Reply } from '../reply.ts';
import { warningMarker } from '../reply.ts';
import { sparkline } from './sparkline.ts';

// Plain-text rendering for the terminal (and the base of WeChat's): figures with
// ▲/▼, tables aligned by display width so Chinese characters line up.

export interface TextOptions {
  /** Widest a line may be (a phone in WeChat is ~ 30 full-width characters). */
  width?: number;
  /** Most table rows to show before "… N more". */
  maxRows?: number;
  /** How to show choices: buttons are not available in plain text. */
  choices?: (block: Extract<Block, { type: 'choices' }>, lang: Reply['lang']) => string;
}

const pad = (s: string, w: number, align: 'left' | 'right') => {
  const gap = Math.max(0, w - stringWidth(s));
  return align === 'right' ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
};

export function renderTable(block: Extract<Block, { type: 'table' }>, maxRows = 50, lang: Reply['lang'] = 'en'): string {
  const rows = block.rows.slice(0, maxRows);
  const widths = block.columns.map((c, i) => Math.max(stringWidth(c.title), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c ?? '', widths[i], block.columns[i].align)).join('  ').trimEnd();
  const out = [line(block.columns.map((c) => c.title)), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (const r of rows) out.push(line(r));
  const more = block.rows.length - rows.length;
  if (more > 0) out.push(lang === 'zh' ? `… 另有 ${more} 行` : `… ${more} more rows`);
  return out.join('\n');
}

export function renderChart(block: Extract<Block, { type: 'chart' }>, width = 20): string {
  // A trend reads as one line: its shape, then where it started and ended.
  if (block.kind === 'line' && block.points.length > 1) return `${sparkline(block.points.map((p) => p.value))}  ${block.points[0].label} ${block.points[0].display} → ${block.points.at(-1)!.label} ${block.points.at(-1)!.display}`;
  const max = Math.max(...block.points.map((p) => Math.abs(p.value)), 1);
  const labelW = Math.max(...block.points.map((p) => stringWidth(p.label)));
  return block.points.map((p) => `${pad(p.label, labelW, 'left')} ${'█'.repeat(Math.max(p.value > 0 ? 1 : 0, Math.round((Math.abs(p.value) / max) * width)))} ${p.display}`).join('\n');
}

export function defaultChoices(block: Extract<Block, { type: 'choices' }>, lang: Reply['lang']): string {
  const lines = block.prompt ? [block.prompt] : [];
  block.choices.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}  → ${c.action.id} ${c.action.value}`));
  lines.push(lang === 'zh' ? '（输入编号或右侧指令）' : '(type the number or the command shown)');
  return lines.join('\n');
}

/** A Reply as terminal text; a typed `@channel` / `@所有人` is kept inert here too (the text is often pasted on). */
export function renderText(given: Reply, opts: TextOptions = {}): string {
  const reply = mapReplyText(given, quietBroadcasts);
  const parts: string[] = [];
  for (const b of reply.blocks) {
    switch (b.type) {
      case 'text':
        parts.push(b.tone === 'heading' ? `【${b.text}】` : b.tone === 'warning' ? `${warningMarker(b.text, '⚠ ')}${b.text}` : b.text);
        break;
      case 'figures':
        parts.push(
          b.items
            .map((f) => `${f.label}: ${f.value}${f.change ? `  ${arrow(f.change)} ${f.change.text}${reply.lang === 'zh' ? `（上期 ${f.change.previous}）` : ` (prev ${f.change.previous})`}` : ''}`)
            .join('\n'),
        );
        break;
      case 'table':
        parts.push(renderTable(b, opts.maxRows, reply.lang));
        break;
      case 'chart':
        // A table already lists the same numbers; draw bars only when the chart stands alone.
        if (!reply.blocks.some((o) => o.type === 'table')) parts.push(renderChart(b));
        break;
      case 'choices':
        parts.push((opts.choices ?? defaultChoices)(b, reply.lang));
        break;
      case 'context':
        parts.push(`— ${b.text}`);
        break;
    }
  }
  return parts.join('\n');
}
