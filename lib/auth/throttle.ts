// Slows down password guessing: after a few failures for one e-mail (or many
// from one IP) within the window, each further try must wait, doubling the
// wait per failure. Counted in the database so every web process agrees.
import type { Db } from "../db/client.ts";

const WINDOW_MS = 15 * 60_000;
const FREE_FAILURES_PER_EMAIL = 3;
const FREE_FAILURES_PER_IP = 20;
const MAX_WAIT_S = 15 * 60;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function waitFor(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_WAIT_S, 2 ** (failures - free + 1));
}

export async function checkThrottle(db: Db, email: string, ip: string | null, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email, success: false, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
      take: 50,
    }),
    ip
      ? db.loginAttempt.findMany({
          where: { ip, success: false, createdAt: { gte: since } },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true },
          take: 100,
        })
      : Promise.resolve([]),
  ]);
  let retry = 0;
  for (const [list, free] of [[byEmail, FREE_FAILURES_PER_EMAIL], [byIp, FREE_FAILURES_PER_IP]] as const) {
    const wait = waitFor(list.length, free);
    if (wait && list[0]) {
      const left = Math.ceil((list[0].createdAt.getTime() + wait * 1000 - now.getTime()) / 1000);
      retry = Math.max(retry, left);
    }
  }
  return retry > 0 ? { allowed: false, retryAfterSeconds: retry } : { allowed: true };
}

export async function recordAttempt(db: Db, email: string, ip: string | null, success: boolean) {
  await db.loginAttempt.create({ data: { email, ip, success } });
}
