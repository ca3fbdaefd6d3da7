import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DENSITY, makeChartRenderer, renderChartSvg } from '../../../src/adapters/charts/render-chart.ts';
import type { ChartBlock } from '../../../src/chat/reply.ts';
import { channelBarsSample, pacingSample, segmentsSample, trendSample } from './chart-samples.ts';

// Each chart decoded back and compared with a reference image looked at by a person.
// UPDATE_CHART_REFERENCES=1 rewrites the references after a deliberate change of look.

const here = dirname(fileURLToPath(import.meta.url));
const render = makeChartRenderer();
const ctx = { lang: 'zh' as const, timeZone: 'Asia/Shanghai' };

function decode(png: Buffer): PNG {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return PNG.sync.read(png);
}

/** Pixels that differ beyond anti-aliasing, as a share of the image. */
function difference(a: PNG, b: PNG): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  return pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.1 }) / (a.width * a.height);
}

const cases: [string, ChartBlock, 'zh' | 'en'][] = [
  ['trend-14', trendSample(14), 'zh'],
  ['trend-90-en', trendSample(90, 'en'), 'en'],
  ['channels', channelBarsSample(5), 'zh'],
  ['pacing', pacingSample(), 'zh'],
  ['segments', segmentsSample(), 'zh'],
];

describe('renderChart', () => {
  it.each(cases)('draws %s as a 2x PNG under 200 KB that matches its reference', async (name, block, lang) => {
    const png = await render(block, { ...ctx, lang });
    const { width, height } = renderChartSvg(block, { ...ctx, lang });
    const image = decode(png);
    expect(image.width).toBe(width * DENSITY);
    expect(image.height).toBe(height * DENSITY);
    expect(image.width).toBeGreaterThanOrEqual(1280); // readable on a phone at ≥ 2x
    expect(png.length).toBeLessThanOrEqual(200 * 1024);
    const file = join(here, 'reference', `${name}.png`);
    if (process.env.UPDATE_CHART_REFERENCES === '1') writeFileSync(file, png);
    expect(existsSync(file), `${file} missing: run with UPDATE_CHART_REFERENCES=1 and look at it`).toBe(true);
    expect(difference(image, PNG.sync.read(readFileSync(file)))).toBeLessThan(0.002);
  });

  it('tells charts apart: a different number moves pixels beyond the tolerance', async () => {
    const block = channelBarsSample(5);
    const changed = { ...block, points: block.points.map((p, i) => (i === 2 ? { ...p, value: p.value * 2 } : p)) };
    const [a, b] = await Promise.all([render(block, ctx), render(changed, ctx)]);
    expect(difference(decode(a), decode(b))).toBeGreaterThan(0.002);
  });

  it('draws hanzi with their own glyphs, not the missing-glyph box', async () => {
    const titled = (title: string): ChartBlock => ({ type: 'chart', kind: 'bar', title, points: [{ label: 'a', value: 1, display: '1' }] });
    // The title sits in the top-left corner; crop it and compare the three drawings.
    const title = async (t: string) => {
      const image = decode(await render(titled(t), ctx));
      const crop = new PNG({ width: 120, height: 60 });
      PNG.bitblt(image, crop, 24, 16, 120, 60, 0, 0);
      return crop;
    };
    const [sky, earth, missing] = await Promise.all([title('天'), title('地'), title('\uE000')]); // U+E000: no font has it
    const ink = (p: PNG) => p.data.filter((_, i) => i % 4 === 0).filter((v) => v < 128).length;
    expect(ink(sky)).toBeGreaterThan(50);
    expect(difference(sky, missing)).toBeGreaterThan(0.02);
    expect(difference(earth, missing)).toBeGreaterThan(0.02);
    expect(difference(sky, earth)).toBeGreaterThan(0.02); // two boxes would look alike
  });

  it('says the store time zone on a trend and formats money ticks like the text answers', () => {
    const { svg } = renderChartSvg(trendSample(14), { lang: 'zh', timeZone: 'America/New_York' });
    expect(svg).toContain('日期按 America/New_York');
    expect(svg).toMatch(/¥1\.\d万/);
    const en = renderChartSvg(trendSample(14, 'en'), { lang: 'en', timeZone: 'Asia/Shanghai' }).svg;
    expect(en).toContain('Days in Asia/Shanghai');
    expect(en).toMatch(/¥1\dK/);
  });

  it('labels bars with their value and change as the text answer shows them', () => {
    const { svg } = renderChartSvg(channelBarsSample(3), ctx);
    for (const s of ['天猫', '¥50,000.00', '▲+12.5%', '▼-3.2%']) expect(svg).toContain(s);
  });
});
