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
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'debug, info, warn, error or silent' }).default('info'),
  TICK_CRON: z.string().default('* * * * *'),

  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_PORT: port(3000),
  SLACK_API_URL: url,

  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: url,
  TELEGRAM_WEBHOOK_URL: url,
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  TELEGRAM_WEBHOOK_PORT: port(8443),

  WECHATY_PUPPET: optionalString,
  WECHATY_PUPPET_SERVICE_TOKEN: optionalString,
  WECHAT_PREFIX: z.string().default('/'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly expected: string, readonly got: unknown) {
    super(`config error: ${variable} must be ${expected}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) {
    const c = parsed.data;
    if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
      throw new ConfigError('SLACK_SIGNING_SECRET', 'set when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN (HTTP mode verifies requests with it)', undefined);
    }
    return c;
  }
  const issue = parsed.error.issues[0];
  const variable = String(issue.path[0] ?? 'configuration');
  throw new ConfigError(variable, issue.message, env[variable]);
}
