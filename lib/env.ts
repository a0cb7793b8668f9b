// Environment, validated once. Every variable is documented in README.md
// ("Configuration"); a bad value stops the process with a message naming it.
import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65535);

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  PORT: port.default(3000),
  OCPP_PORT: port.default(9000),
  /** Where the web app asks the OCPP process for its health. */
  OCPP_HEALTH_URL: z.string().url().optional(),
  /** Public WebSocket base URL chargers are told to use. */
  OCPP_PUBLIC_URL: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  MAP_TILE_URL: z.string().optional(),
  ADMIN_API_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}\n(see README.md, "Configuration")`);
  }
  cached = parsed.data;
  return cached;
}

/** The URL the OCPP process answers health checks on. */
export function ocppHealthUrl(): string {
  const e = env();
  return e.OCPP_HEALTH_URL ?? `http://127.0.0.1:${e.OCPP_PORT}/health`;
}
