import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

// The font charts are drawn with: Noto Sans Hans (GB2312's 6,763 hanzi, Latin, digits, ¥, %) from
// @embedpdf/fonts-sc, so Chinese labels draw on any machine after `npm install`, with no system fonts.
// resvg re-reads a font file for every glyph it outlines; the 8 MB original costs ~100 ms per chart.
// So charts use a subset holding only the characters charts have needed so far, grown on demand.

export const FONT_FAMILY = 'Noto Sans Hans';

const require = createRequire(import.meta.url);
/** The package exports only its metadata; the .otf files sit beside dist/. */
export const FONT_FILE = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');

/** What every chart needs anyway: printable ASCII, currency and marks used in labels. */
const BASE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '¥￥€£%‰·–—…▲▼＝、，。：；（）万亿千百';
/** Past this many characters the subset starts over from what the chart at hand needs. */
const MAX_COVERED = 3000;

export class ChartFont {
  private full?: Buffer;
  private dir?: string;
  private file?: string;
  private covered = new Set<string>();
  private generation = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly source = FONT_FILE) {}

  /** A font file that has a glyph for every character of `text` (subsetting once when something is new). */
  fileFor(text: string): Promise<string> {
    const next = this.queue.then(() => this.ensure(text));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async ensure(text: string): Promise<string> {
    const wanted = new Set([...BASE, ...text].filter((c) => c >= ' '));
    const missing = [...wanted].filter((c) => !this.covered.has(c));
    if (this.file && missing.length === 0) return this.file;
    const chars = this.covered.size + missing.length > MAX_COVERED ? wanted : new Set([...this.covered, ...missing]);
    this.full ??= readFileSync(this.source);
    const subset = await subsetFont(this.full, [...chars].join(''), { targetFormat: 'truetype' });
    this.dir ??= mkdtempSync(join(tmpdir(), 'store-ops-chart-font-'));
    const file = join(this.dir, `font-${++this.generation}.otf`);
    writeFileSync(file, subset);
    if (this.file) rmSync(this.file, { force: true });
    this.file = file;
    this.covered = chars;
    return file;
  }
}
