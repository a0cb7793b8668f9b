// The sign-in decision, independent of next-auth so it can be tested directly.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { verifyPassword } from "./password.ts";
import { checkThrottle, recordAttempt } from "./throttle.ts";

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type SignInFailure = "invalid" | "unknownEmail" | "wrongPassword" | "suspended" | "throttled";

export type SignInResult =
  | { ok: true; user: { id: string; sessionVersion: number } }
  | { ok: false; code: SignInFailure; retryAfterSeconds?: number };

export async function verifyCredentials(db: Db, input: unknown, ip: string | null): Promise<SignInResult> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid" };
  const { email, password } = parsed.data;

  const verdict = await checkThrottle(db, email, ip);
  if (!verdict.allowed) return { ok: false, code: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, status: true, sessionVersion: true },
  });
  if (!user) {
    await recordAttempt(db, email, ip, false);
    return { ok: false, code: "unknownEmail" };
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    await recordAttempt(db, email, ip, false);
    return { ok: false, code: "wrongPassword" };
  }
  if (user.status !== "ACTIVE") return { ok: false, code: "suspended" };

  await recordAttempt(db, email, ip, true);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } };
}
