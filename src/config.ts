import envSchema from 'env-schema';
import { Type, type Static } from '@sinclair/typebox';
import { parseWindow } from './callback-surveys/policy.js';

// Every setting the service reads, in one place; README.md documents each.
const configSchema = Type.Object({
  HOST: Type.String({ default: '0.0.0.0' }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  DATABASE_PATH: Type.String({ default: './data/hotline.db', minLength: 1 }),
  ARI_URL: Type.String({ default: 'http://127.0.0.1:8088', pattern: '^https?://[^/]+/?$' }),
  ARI_USER: Type.String({ minLength: 1 }),
  ARI_PASSWORD: Type.String({ minLength: 1 }),
  ARI_APP: Type.String({ default: 'hotline12345', pattern: '^[A-Za-z0-9_-]+$' }),
  // Needed only on the first start, to create the first admin in an empty database.
  ADMIN_USER: Type.Optional(Type.String({ minLength: 1, pattern: '^[A-Za-z0-9_.-]+$' })),
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 8 })),
  TOKEN_TTL_HOURS: Type.Integer({ default: 12, minimum: 1, maximum: 720 }),
  /** Where the IVR's prompts live under Asterisk's sounds directory: sound:<PROMPT_PREFIX>/<lang>/<name>. */
  PROMPT_PREFIX: Type.String({ default: 'hotline', pattern: '^[a-z0-9/_-]+$' }),
  PROMPT_LANGUAGE: Type.String({ default: 'zh', pattern: '^[a-z]{2}$' }),
  /** The folder Asterisk mounts as sounds/<PROMPT_PREFIX>: the service writes the prompts admins make there. */
  PROMPTS_DIR: Type.String({ default: './sounds/hotline', minLength: 1 }),
  /** The service's own store of call recordings, fetched from Asterisk when each one finishes. */
  RECORDINGS_DIR: Type.String({ default: './data/recordings', minLength: 1 }),
  /** Recordings older than this are deleted; 0 keeps them for ever. */
  RECORDINGS_RETENTION_DAYS: Type.Integer({ default: 180, minimum: 0, maximum: 3650 }),
  /** First wait before a failed recording fetch or ticket delivery is tried again; it doubles each time. */
  RETRY_BASE_MS: Type.Integer({ default: 5000, minimum: 10, maximum: 600_000 }),
  /** The longest wait between two tries. */
  RETRY_MAX_MS: Type.Integer({ default: 3_600_000, minimum: 100, maximum: 86_400_000 }),
  /** How a citizen is dialled for a call back: {number} is replaced by their number. */
  CALLBACK_DIAL: Type.String({ default: 'PJSIP/{number}@carrier', pattern: '\\{number\\}' }),
  /** The number citizens see when the hotline calls them back. */
  CALLBACK_CALLER_ID: Type.String({ default: '12345', pattern: '^[0-9+]{3,20}$' }),
  /** How long a linkage target's system has to acknowledge a ticket delivery. */
  WEBHOOK_TIMEOUT_MS: Type.Integer({ default: 10_000, minimum: 100, maximum: 120_000 }),
  /** The working calendar ticket deadlines count on. */
  TICKET_CALENDAR: Type.String({ default: 'default', minLength: 1 }),
  /** A deadline is flagged as near once this share of its working time is used. */
  DEADLINE_NEAR_PERCENT: Type.Integer({ default: 80, minimum: 1, maximum: 99 }),
  /** The ticket list counts its matches up to this many, then says "10000+". */
  TICKET_LIST_COUNT_CAP: Type.Integer({ default: 10_000, minimum: 1 }),
  /** How often overdue tickets are looked for and supervised (督办); 0 turns the sweep off. */
  SUPERVISION_INTERVAL_MS: Type.Integer({ default: 60_000, minimum: 0, maximum: 86_400_000 }),
  /** Where files units attach to their replies are kept. */
  ATTACHMENTS_DIR: Type.String({ default: './data/attachments', minLength: 1 }),
  /** The largest attachment accepted, in bytes. */
  ATTACHMENT_MAX_BYTES: Type.Integer({ default: 10 * 1024 * 1024, minimum: 1024, maximum: 200 * 1024 * 1024 }),
  /** A new ticket is compared with the tickets taken in over this many days before it. */
  DUPLICATE_WINDOW_DAYS: Type.Integer({ default: 30, minimum: 1, maximum: 365 }),
  /** Tickets about the same address whose title and content are at least this alike (trigram Jaccard, 0–1) are duplicate candidates. */
  DUPLICATE_MIN_SIMILARITY: Type.Number({ default: 0.6, minimum: 0.1, maximum: 1 }),
  /** 服务水平: a call answered within this many seconds of reaching the queue counts toward the service level. */
  SERVICE_LEVEL_SECONDS: Type.Integer({ default: 20, minimum: 1, maximum: 600 }),
  /** 按键满意度: when the agent hangs up, the citizen stays on the line for the key-press survey. */
  POST_CALL_SURVEY: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
  /** How long the citizen has to key 1, 2 or 3 once the survey question has been read (asked twice). */
  POST_CALL_SURVEY_TIMEOUT_SECONDS: Type.Integer({ default: 8, minimum: 1, maximum: 60 }),
  /** 智能回访: the local hours (HH:MM-HH:MM, China time) within which citizens are called about their completed tickets. */
  CALLBACK_SURVEY_HOURS: Type.String({ default: '09:00-20:00', pattern: '^[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}$' }),
  /** working-days: only on days the ticket calendar (TICKET_CALENDAR) works, so never on a public holiday; every-day: any day. */
  CALLBACK_SURVEY_DAYS: Type.Union([Type.Literal('working-days'), Type.Literal('every-day')], { default: 'working-days' }),
  /** Calls per survey, the first included; after the last fails, the survey is left for a person to call back. */
  CALLBACK_SURVEY_ATTEMPTS: Type.Integer({ default: 3, minimum: 1, maximum: 10 }),
  /** How long after a failed call (busy, no answer, no key) the next one is placed, within the allowed hours. */
  CALLBACK_SURVEY_RETRY_MINUTES: Type.Integer({ default: 60, minimum: 1, maximum: 10_080 }),
  /** Survey calls out at once, at most. */
  CALLBACK_SURVEY_MAX_CALLS: Type.Integer({ default: 2, minimum: 1, maximum: 100 }),
  /** How often due surveys are looked for and dialled; 0 stops the service's own calls (surveys wait). */
  CALLBACK_SURVEY_INTERVAL_MS: Type.Integer({ default: 30_000, minimum: 0, maximum: 3_600_000 }),
});

export type Config = Static<typeof configSchema>;

/** Reads and validates the environment once; a missing or bad variable stops the start with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = envSchema<Config>({ schema: configSchema, data: env, dotenv: false });
  if (!parseWindow(config.CALLBACK_SURVEY_HOURS)) {
    throw new Error(`CALLBACK_SURVEY_HOURS must be a range of the day like 09:00-20:00, start before end, got ${config.CALLBACK_SURVEY_HOURS}`);
  }
  return config;
}
