import { z } from 'zod';

// Every setting comes from the environment and is checked here, once, at start.
// A wrong value stops the bot with one line naming the variable and what it expects.

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const port = (fallback: number) =>
  z.coerce.number({ error: 'a port number like 3000' }).int('a whole port number').min(1, 'a port number 1-65535').max(65535, 'a port number 1-65535').default(fallback);

const url = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined))
  .refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), 'an http(s) URL like https://example.com/');

export const configSchema = z.object({
  DATA_DIR: z.string().min(1, 'a folder path').default('./data'),
  STORE_NAME: z.string().default('Demo Store'),
  STORE_TIMEZONE: z.string().default('Asia/Shanghai').refine(isTimeZone, 'an IANA time zone like Asia/Shanghai'),
  STORE_CURRENCY: z
    .string()
    .default('CNY')
    .refine((v) => /^[A-Z]{3}$/.test(v), 'a three-letter currency code like CNY'),
  BOT_NOW: optionalString.refine(
    (v) => v === undefined || !Number.isNaN(Date.parse(v)),
    'an ISO time like 2026-11-27T10:00:00+08:00',
  ),
  BOT_LANG: z.enum(['zh', 'en'], { error: 'zh or en' }).default('zh'),
  BOT_ADMINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((ids) => ids.every((id) => /^[a-z]+:.+/.test(id)), 'a comma-separated list of qualified user ids like console:alice,slack:U0123'),
  DEMO_STORE: z.enum(['auto', 'off'], { error: 'auto or off' }).default('auto'),
  PLAYBOOK_FILE: optionalString,
  /** Checklist and cadence templates (JSON); defaults to the repo's data/templates. */
  TEMPLATES_DIR: optionalString,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'debug, info, warn, error or silent' }).default('info'),
  TICK_CRON: z.string().default('* * * * *'),
  // The outbound engine (issue 3): pacing overrides, retries, late note, durability. Quiet hours are the playbook's.
  OUTBOX_RATE_LIMITS: z.string().default('').refine((v) => parsePacingOverride(v) !== undefined, 'platform=scope:count/seconds,… like telegram=platform:30/1,conversation:1/1,group:20/60;slack=conversation:1/1'),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number({ error: 'a whole number like 5' }).int('a whole number like 5').min(1, 'at least 1').max(50, 'at most 50').default(5),
  OUTBOX_BACKOFF_MS: z.coerce.number({ error: 'milliseconds like 1000' }).int('whole milliseconds').min(1, 'at least 1').default(1000),
  OUTBOX_BACKOFF_MAX_MS: z.coerce.number({ error: 'milliseconds like 60000' }).int('whole milliseconds').min(1, 'at least 1').default(60_000),
  OUTBOX_LATE_AFTER_MIN: z.coerce.number({ error: 'minutes like 10' }).min(0, '0 or more minutes').default(10),
  OUTBOX_FSYNC: z.enum(['true', 'false'], { error: 'true or false' }).default('true').transform((v) => v === 'true'),

  /** Where the HTTP listeners (Slack HTTP mode, Telegram webhook) bind; all interfaces when unset. */
  HTTP_HOST: optionalString.refine((v) => v === undefined || /^[0-9a-fA-F.:]+$|^localhost$/.test(v), 'an address to listen on like 127.0.0.1 or ::1'),

  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_PORT: port(3000),
  SLACK_API_URL: url,

  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: url,
  TELEGRAM_WEBHOOK_URL: url,
  TELEGRAM_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), '1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram secret_token)'),
  TELEGRAM_WEBHOOK_PORT: port(8443),

  WECHATY_PUPPET: optionalString,
  WECHATY_PUPPET_SERVICE_TOKEN: optionalString,
  WECHAT_PREFIX: z.string().default('/'),

  // WeCom smart bot (issue 18): long connection with the bot id and secret, callback mode with
  // the token and EncodingAESKey, group robots (WECOM_WEBHOOK_<NAME>=key) for pushes in callback mode.
  WECOM_BOT_ID: optionalString,
  WECOM_BOT_SECRET: optionalString,
  WECOM_BOT_WS_URL: optionalString.refine((v) => v === undefined || /^wss?:\/\/\S+$/.test(v), 'a WebSocket URL like wss://openws.work.weixin.qq.com'),
  WECOM_BOT_TOKEN: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9]{1,32}$/.test(v), 'the callback Token from the WeCom admin console (letters and digits, at most 32)'),
  WECOM_BOT_ENCODING_AES_KEY: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9+/]{43}$/.test(v), 'the 43-character EncodingAESKey from the WeCom admin console'),
  WECOM_BOT_PORT: port(8788),
  WECOM_API_ROOT: url,
  /** Filled by loadConfig from every WECOM_WEBHOOK_<NAME> variable. */
  WECOM_WEBHOOKS: z.record(z.string(), z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'a group robot key (the key=… part of its webhook URL)')).default({}),
  // Live store data (issue 19): Shopify webhooks and the signed ingest endpoint on INGEST_PORT, Shopify backfill.
  INGEST_PORT: port(8787),
  INGEST_HOST: optionalString,
  INGEST_SECRET: optionalString.refine((v) => v === undefined || v.length >= 16, 'at least 16 characters (e.g. openssl rand -hex 32)'),
  INGEST_MAX_BODY_MB: z.coerce.number({ error: 'megabytes like 20' }).min(0.001, 'more than 0').max(512, 'at most 512').default(20),
  SHOPIFY_WEBHOOK_SECRET: optionalString,
  SHOPIFY_WEBHOOK_SECRET_OLD: optionalString,
  SHOPIFY_SHOP: optionalString.refine((v) => v === undefined || /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(v), 'the shop domain like my-store.myshopify.com'),
  SHOPIFY_ADMIN_TOKEN: optionalString,
  SHOPIFY_API_VERSION: z.string().regex(/^\d{4}-\d{2}$|^unstable$/, 'an API version like 2025-10').default('2025-10'),
  SHOPIFY_API_URL: url,
  SHOPIFY_SYNC_SINCE: optionalString.refine((v) => v === undefined || /^\d{4}-\d{2}-\d{2}$/.test(v), 'a date like 2026-01-01'),
});

export type Config = z.infer<typeof configSchema>;

/** `telegram=platform:30/1,conversation:1/1;slack=conversation:1/1` → limits per platform; undefined when malformed. */
export function parsePacingOverride(text: string): Record<string, { scope: 'platform' | 'conversation' | 'group'; count: number; perMs: number }[]> | undefined {
  const out: Record<string, { scope: 'platform' | 'conversation' | 'group'; count: number; perMs: number }[]> = {};
  for (const part of text.split(';').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z]+)=(.+)$/.exec(part);
    if (!m) return undefined;
    const limits = [];
    for (const l of m[2].split(',')) {
      const x = /^(platform|conversation|group):(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(l.trim());
      if (!x || Number(x[2]) <= 0 || Number(x[3]) <= 0) return undefined;
      limits.push({ scope: x[1] as 'platform' | 'conversation' | 'group', count: Number(x[2]), perMs: Number(x[3]) * 1000 });
    }
    out[m[1]] = limits;
  }
  return out;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly expected: string, readonly got: unknown) {
    super(`config error: ${variable} must be ${expected}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`);
  }
}

/** `WECOM_WEBHOOK_OPS=key` → `{ OPS: key }`; a full webhook URL is accepted and its key taken. */
function wecomWebhooks(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    const m = /^WECOM_WEBHOOK_(.+)$/.exec(k);
    if (m && v && v.trim()) out[m[1]] = /[?&]key=([^&\s]+)/.exec(v)?.[1] ?? v.trim();
  }
  return out;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse({ ...env, WECOM_WEBHOOKS: wecomWebhooks(env) });
  if (parsed.success) {
    const c = parsed.data;
    if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
      throw new ConfigError('SLACK_SIGNING_SECRET', 'set when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN (HTTP mode verifies requests with it)', undefined);
    }
    if (!!c.WECOM_BOT_ID !== !!c.WECOM_BOT_SECRET) {
      const missing = c.WECOM_BOT_ID ? 'WECOM_BOT_SECRET' : 'WECOM_BOT_ID';
      throw new ConfigError(missing, 'set together with ' + (c.WECOM_BOT_ID ? 'WECOM_BOT_ID' : 'WECOM_BOT_SECRET') + ' (both from the smart bot\'s API settings, long-connection mode)', undefined);
    }
    if (!!c.WECOM_BOT_TOKEN !== !!c.WECOM_BOT_ENCODING_AES_KEY) {
      const missing = c.WECOM_BOT_TOKEN ? 'WECOM_BOT_ENCODING_AES_KEY' : 'WECOM_BOT_TOKEN';
      throw new ConfigError(missing, 'set together with ' + (c.WECOM_BOT_TOKEN ? 'WECOM_BOT_TOKEN' : 'WECOM_BOT_ENCODING_AES_KEY') + ' (both from the smart bot\'s API settings, callback mode)', undefined);
    }
    return c;
  }
  const issue = parsed.error.issues[0];
  const variable = issue.path[0] === 'WECOM_WEBHOOKS' && issue.path[1] !== undefined ? `WECOM_WEBHOOK_${String(issue.path[1])}` : String(issue.path[0] ?? 'configuration');
  throw new ConfigError(variable, issue.message, env[variable]);
}
