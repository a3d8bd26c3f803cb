import path from 'node:path';
import { z } from 'zod';
import { ValidationError } from './domain/errors';

// The environment, parsed once. Nothing else reads process.env.
const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** The largest CSV file the web import takes, in MB, unless SALESPLAN_IMPORT_MAX_MB says otherwise. */
export const DEFAULT_IMPORT_MAX_MB = 100;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  SALESPLAN_DATA_DIR: z.string().min(1).default('.salesplan'),
  SALESPLAN_DEMO: booleanFlag.default(true),
  SALESPLAN_SECURE_COOKIES: booleanFlag.optional(),
  SALESPLAN_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  SALESPLAN_TRUST_PROXY: booleanFlag.default(false),
  SALESPLAN_WEB_DIR: z.string().min(1).optional(),
  // Files are streamed to disk, not held in memory: the limit is the temporary folder's room.
  SALESPLAN_IMPORT_MAX_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_240)
    .default(DEFAULT_IMPORT_MAX_MB),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  NODE_ENV: z.string().default('development'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  loadDemo: boolean;
  secureCookies: boolean;
  sessionDays: number;
  /** Behind a reverse proxy: the client's address is the one X-Forwarded-For names. */
  trustProxy: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** The built web app to serve; dist/web when unset. */
  webDir: string | undefined;
  /** The largest CSV file the web import takes, in bytes. */
  importMaxFileBytes: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in a shell or .env file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SALESPLAN_DATA_DIR),
    loadDemo: e.SALESPLAN_DEMO,
    // Secure cookies need HTTPS; default to them in production only.
    secureCookies: e.SALESPLAN_SECURE_COOKIES ?? e.NODE_ENV === 'production',
    sessionDays: e.SALESPLAN_SESSION_DAYS,
    trustProxy: e.SALESPLAN_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    webDir: e.SALESPLAN_WEB_DIR === undefined ? undefined : path.resolve(e.SALESPLAN_WEB_DIR),
    importMaxFileBytes: e.SALESPLAN_IMPORT_MAX_MB * 1024 * 1024,
  };
}
