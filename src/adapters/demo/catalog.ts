// A skincare brand's catalogue: SKU, name, price in fen.
export const CATALOG = [
  ['SK-SERUM-30', '修护精华液 30ml', 29900],
  ['SK-SERUM-50', '修护精华液 50ml', 45900],
  ['SK-CREAM-50', '保湿面霜 50g', 25900],
  ['SK-TONER-150', '舒缓爽肤水 150ml', 13900],
  ['SK-CLEANSER', '氨基酸洁面 120g', 8900],
  ['SK-MASK-5', '补水面膜 5片', 9900],
  ['SK-MASK-20', '补水面膜 20片', 32900],
  ['SK-SUN-50', '清透防晒 50ml', 16900],
  ['SK-EYE-15', '紧致眼霜 15g', 35900],
  ['SK-LIP-01', '润唇膏', 5900],
  ['SK-SET-GIFT', '礼盒套装', 69900],
  ['SK-TRIAL-KIT', '旅行装小样', 3990],
  ['SK-BODY-250', '身体乳 250ml', 12900],
  ['SK-OIL-30', '卸妆油 30ml', 4900],
  ['SK-ESSENCE-100', '精粹水 100ml', 19900],
] as const;

export const CHANNELS = [
  // channel, share of orders, conversion rate, ROI the ads return
  ['tmall', 0.32, 0.034, 3.6],
  ['jd', 0.17, 0.029, 3.1],
  ['douyin', 0.23, 0.021, 2.2],
  ['xiaohongshu', 0.1, 0.017, 1.3],
  ['wechat', 0.18, 0.052, 6.5],
] as const;

/** Orders per weekday (Monday first): Wednesday is member day, weekends are busy. */
export const WEEKDAY = [0.92, 0.95, 1.12, 0.95, 1.04, 1.2, 1.14];

/** Share of a day's orders paid in each hour: a late-morning and an evening peak. */
export const HOURS = [2, 1, 0.6, 0.4, 0.3, 0.4, 0.8, 1.5, 2.6, 3.6, 4.6, 5, 4.6, 4.2, 4.3, 4.4, 4.5, 4.6, 4.8, 5.4, 6.6, 7.4, 6.8, 4.2];
