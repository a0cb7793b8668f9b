// Who performs an admin change, and from where (for the audit log).
import type { UserRole } from "../db/generated/enums.ts";

export type AdminActor = { id: string; role: UserRole; ip?: string | null; userAgent?: string | null };

export const auditFrom = (actor: AdminActor) => ({ actor: { id: actor.id, role: actor.role }, ip: actor.ip, userAgent: actor.userAgent });

export const PAGE_SIZE = 25;

export function pageOf(raw: unknown): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : 1;
}

/** A zod output type whose `T | undefined` fields may also be left out (callers other than forms). */
export type Input<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & { [K in keyof T as undefined extends T[K] ? K : never]?: T[K] };
