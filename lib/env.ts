// Environment, validated once with zod (ARCHITECTURE.md, "Environment and production"). Defaults make `npm run dev` work with nothing set.
import "server-only";
import { createHmac } from "node:crypto";
import { z } from "zod";

const DEV_AUTH_SECRET = "agora-dev-auth-secret-not-for-production-use";
export const DEV_WEBHOOK_SECRET = "whsec_agora_local_development_secret";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    PGLITE_DIR: optionalString,
    // Connections per server process: a few busy connections pipeline statements (fewer writes, fewer backends).
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(4),
    AUTH_SECRET: optionalString,
    AUTH_GITHUB_ID: optionalString,
    AUTH_GITHUB_SECRET: optionalString,
    STRIPE_SECRET_KEY: optionalString.pipe(
      z
        .string()
        .regex(/^(sk|rk)_/, "must start with sk_ or rk_")
        .optional(),
    ),
    STRIPE_WEBHOOK_SECRET: optionalString,
    // "local" on purpose: the built-in test-mode checkout and payouts even in production (every page says test mode).
    PAYMENTS_DRIVER: optionalString.pipe(z.enum(["stripe", "local"], "must be stripe or local").optional()),
    // "1" says this deployment is a demo: production may then run on the embedded database (with demo data).
    AGORA_DEMO: optionalString.pipe(z.enum(["0", "1"], "must be 1 (a demo) or 0").optional()),
    STRIPE_API_BASE: optionalString,
    CRON_SECRET: optionalString,
    PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(10000).default(2000),
    MIN_PAYOUT_CENTS: z.coerce.number().int().min(0).default(1000),
    // One settlement call stops claiming after this and leaves the rest to the next (Vercel's limit is 300 s).
    SETTLEMENT_TIME_BUDGET_SECONDS: z.coerce.number().int().min(1).max(3600).default(240),
    // Transfers in flight at once in one settlement call (never two for one creator).
    SETTLEMENT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
    APP_URL: optionalString.pipe(z.url("must be an absolute URL such as https://agora.example").optional()),
    // Outgoing mail (lib/email): smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465 (TLS).
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\/[^/]/, "must be an smtp:// or smtps:// URL such as smtps://user:pass@smtp.provider.com:465")
        .optional(),
    ),
    // The sender of every mail: `Agora <no-reply@agora.example>` or a bare address.
    EMAIL_FROM: optionalString.pipe(
      z
        .string()
        .regex(/^(?:[^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, "must be an address, optionally with a name: Agora <no-reply@agora.example>")
        .optional(),
    ),
    SEED_LISTINGS: z.coerce.number().int().min(0).default(240),
    // Proxies in front of the app that append to X-Forwarded-For; rate limits count the address the outermost one saw
    // (lib/security/client-address.ts). 0 = trust no forwarding header (on Vercel the platform's header is used).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0, "must be 0 or more").max(10, "must be at most 10").default(0),
    // Bearer token for GET /api/metrics; unset = 404 in production, open in development.
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, "must be at least 16 characters (openssl rand -hex 32)").optional()),
    // Postgres bytea values are capped at 1 GB.
    FILE_UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024 * 1024)
      .default(50 * 1024 * 1024),
    // Bytes one creator may keep in files (lib/storage/quota.ts); unset = 20 GiB with a bucket, 2 GiB in the database.
    STORAGE_QUOTA_BYTES: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.coerce
        .number()
        .int()
        .min(1024 * 1024, "must be a whole number of bytes, at least 1048576 (1 MiB)")
        .optional(),
    ),
    // Bucket storage (lib/storage): set S3_BUCKET to keep files in any S3-compatible bucket (AWS S3, Cloudflare R2, MinIO).
    S3_BUCKET: optionalString.pipe(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name (3–63 lowercase letters, digits, dots or hyphens)")
        .optional(),
    ),
    S3_ENDPOINT: optionalString.pipe(z.url("must be an absolute URL such as https://<account>.r2.cloudflarestorage.com").optional()),
    S3_REGION: optionalString,
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    S3_FORCE_PATH_STYLE: optionalString.pipe(z.enum(["true", "false", "1", "0"], "must be true or false").optional()),
  })
  .superRefine((env, ctx) => {
    const building = process.env.NEXT_PHASE === "phase-production-build";
    if (env.NODE_ENV === "production" && !building && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (openssl rand -base64 32)" });
    }
    // Production never falls back to the development mail page or localhost links (DESIGN.md §9, §10).
    if (env.NODE_ENV === "production" && !building) {
      if (!env.SMTP_URL)
        ctx.addIssue({
          code: "custom",
          path: ["SMTP_URL"],
          message: "is required in production: mail is sent through it (smtps://user:pass@smtp.provider.com:465)",
        });
      if (!env.EMAIL_FROM)
        ctx.addIssue({ code: "custom", path: ["EMAIL_FROM"], message: "is required in production: the sender of every mail (Agora <no-reply@your-domain>)" });
      if (!env.APP_URL)
        ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is required in production: links in mail are built from it (https://your-domain)" });
    }
    // DESIGN.md §9: the embedded conveniences never run in production by accident.
    if (env.NODE_ENV === "production" && !building) {
      if (!env.DATABASE_URL && env.AGORA_DEMO !== "1") {
        ctx.addIssue({
          code: "custom",
          path: ["DATABASE_URL"],
          message: "is required in production (set AGORA_DEMO=1 to run a demo on the embedded database instead)",
        });
      }
      if (!env.STRIPE_SECRET_KEY && env.PAYMENTS_DRIVER !== "local") {
        ctx.addIssue({
          code: "custom",
          path: ["STRIPE_SECRET_KEY"],
          message: "is required in production (set PAYMENTS_DRIVER=local to run on test-mode payments on purpose)",
        });
      }
      if (env.STRIPE_WEBHOOK_SECRET === DEV_WEBHOOK_SECRET) {
        ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "is the built-in development value; use your endpoint's signing secret" });
      }
    }
    if (env.PAYMENTS_DRIVER === "stripe" && !env.STRIPE_SECRET_KEY) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_SECRET_KEY"], message: "is required when PAYMENTS_DRIVER=stripe" });
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "is required when STRIPE_SECRET_KEY is set" });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({ code: "custom", path: ["S3_ACCESS_KEY_ID"], message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together" });
    }
    if (!env.S3_BUCKET && (env.S3_ENDPOINT || env.S3_ACCESS_KEY_ID)) {
      ctx.addIssue({
        code: "custom",
        path: ["S3_BUCKET"],
        message: "is required when S3_ENDPOINT or S3_ACCESS_KEY_ID is set (the bucket that holds uploaded files)",
      });
    }
    if (Boolean(env.AUTH_GITHUB_ID) !== Boolean(env.AUTH_GITHUB_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["AUTH_GITHUB_ID"], message: "AUTH_GITHUB_ID and AUTH_GITHUB_SECRET go together" });
    }
  });

export type Env = z.infer<typeof envSchema> & {
  authSecret: string;
  webhookSecret: string;
  appUrl: string;
  paymentsDriver: "stripe" | "local";
};

export class EnvError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const lines = issues.map((i) => `  - ${i.path.join(".") || "env"} ${i.message}`);
    super(`Agora cannot start: invalid environment\n${lines.join("\n")}\nSee .env.example for every variable.`);
    this.name = "EnvError";
  }
}

/**
 * Production on local payments signs its own test-mode webhook events; a secret derived from AUTH_SECRET keeps anyone
 * who knows the public development value from forging them.
 */
function derivedWebhookSecret(authSecret: string): string {
  return `whsec_${createHmac("sha256", authSecret).update("agora-local-webhook").digest("base64url")}`;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new EnvError(parsed.error.issues);
  const env = parsed.data;
  return {
    ...env,
    authSecret: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? (env.NODE_ENV === "production" && env.AUTH_SECRET ? derivedWebhookSecret(env.AUTH_SECRET) : DEV_WEBHOOK_SECRET),
    appUrl: (env.APP_URL ?? "http://localhost:3000").replace(/\/$/, ""),
    paymentsDriver: env.PAYMENTS_DRIVER === "local" || !env.STRIPE_SECRET_KEY ? "local" : "stripe",
  };
}

let cached: Env | undefined;

/** The validated environment, parsed on first use and then kept for the process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forgets the parsed environment so the next env() call re-reads process.env (tests that change it). */
export function reloadEnv() {
  cached = undefined;
}

/** Payments run on the built-in test-mode driver (no Stripe key, or PAYMENTS_DRIVER=local): every page says so. */
export function paymentsTestMode(): boolean {
  return env().paymentsDriver === "local";
}
