// Placeholder replaced below.
export const METRIC_EXAMPLES = { zh: ['今天GMV多少'], en: ['gmv today'] };
