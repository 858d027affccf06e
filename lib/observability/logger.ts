// Structured JSON logs (pino) for server code: one line per event, the request id on every line written while a
// request is served, and a redaction list so secrets and personal data never reach the log drain.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import pino, { type DestinationStream, type Logger } from "pino";
import type { ErrorLogSink } from "@/lib/errors/response";
import { REQUEST_ID_HEADER } from "./request-id";

/** What a route handler runs inside (set by observedRoute): its request id and route name. */
export type RequestContext = { requestId: string; route: string };
const requestContext = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return requestContext.run(context, work);
}

/** The id of the request being served: the route wrapper's, else the header the proxy set (pages, server actions). */
export function activeRequestId(): string | undefined {
  const own = requestContext.getStore()?.requestId;
  if (own) return own;
  try {
    // Next's own per-request store (what headers() reads); only request-type stores carry headers.
    const store = workUnitAsyncStorage.getStore();
    return store?.type === "request" ? (store.headers.get(REQUEST_ID_HEADER) ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keys whose values are replaced by "[redacted]" at the top of a log object and one or two levels down (`err`,
 * `headers`, `user`, `input`…): credentials, tokens, card fields and the personal data a log never needs.
 */
export const SENSITIVE_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "stripe-signature",
  "x-api-key",
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "secret",
  "apiKey",
  "totpCode",
  "recoveryCode",
  "email",
  "to",
  "ip",
  "phone",
  "address",
  "card",
  "cardNumber",
  "cvc",
  "cvv",
  "iban",
] as const;

const segment = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`);

export const REDACTED_PATHS = SENSITIVE_KEYS.flatMap((key) => [segment(key).replace(/^\./, ""), `*${segment(key)}`, `*.*${segment(key)}`]);

// Database and SMTP errors quote the values they choked on (`Key (email)=(ann@example.com) already exists`).
const EMAIL_IN_TEXT = /[^\s@<>()"'=]+@[^\s@<>()"'=]+\.[A-Za-z]{2,}/g;
const scrub = (text: unknown) => (typeof text === "string" ? text.replace(EMAIL_IN_TEXT, "[email]") : text);

function serializeError(error: unknown) {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error);
  return { ...serialized, message: scrub(serialized.message), stack: scrub(serialized.stack) };
}

/** A logger writing to `destination` (stdout by default); tests pass a stream to read the lines back. */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      base: { service: "agora" },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "message",
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: serializeError, error: serializeError },
      mixin() {
        const requestId = activeRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
}

const g = globalThis as typeof globalThis & { __agoraLogger?: Logger };

/** The process logger: `logger.info({ event: "settlement.run", paid }, "settled")`, `logger.error({ err }, "…")`. */
export const logger: Logger = (g.__agoraLogger ??= createLogger());

// errorResponse (lib/errors, which client components import too) logs 5xx failures through this.
(globalThis as { __agoraErrorLogSink?: ErrorLogSink }).__agoraErrorLogSink = (fields, message) => logger.error(fields, message);
