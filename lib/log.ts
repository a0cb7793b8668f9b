// Structured one-line logs. Secrets never go in: redact() strips known keys.
const SECRET_KEYS = /pass(word)?|secret|token|authorization|api[-_]?key|config|cookie/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 5 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.test(k) ? "[redacted]" : redact(v, depth + 1)]),
  );
}

function write(level: string, msg: string, extra?: unknown) {
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...(extra ? { extra: redact(extra) } : {}) });
  (level === "error" ? console.error : console.log)(line);
}

export const logInfo = (msg: string, extra?: unknown) => write("info", msg, extra);
export const logWarn = (msg: string, extra?: unknown) => write("warn", msg, extra);
/** bcrypt hashes and our API keys, wherever they appear in free text. */
const SECRET_TEXT = /\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|cw_live_[A-Za-z0-9_-]{20,}/g;
const scrub = (s: string | undefined) => s?.replace(SECRET_TEXT, "[redacted]");

export function logError(msg: string, err?: unknown, extra?: unknown) {
  const e = err as Error | undefined;
  write("error", msg, { ...(extra as object), error: scrub(e?.message), stack: scrub(e?.stack?.split("\n").slice(0, 6).join(" | ")) });
}
