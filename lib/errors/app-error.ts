// Expected failures, with a code the UI can show. Anything else is a bug:
// logged in full on the server, shown to the user only as a generic message.
export type AppErrorCode =
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "PAYMENT_FAILED"
  | "CHARGER_OFFLINE"
  | "CHARGER_REJECTED"
  | "PRECONDITION";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFoundError = (what = "This item") => new AppError("NOT_FOUND", `${what} was not found.`);

/** Prisma's unique-constraint violation, recognised by its code and the
 *  constraint's fields or index name (e.g. users_email_key), not by message text. */
export function isUniqueViolation(err: unknown, field?: string): boolean {
  const e = err as {
    code?: string;
    meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } };
  };
  if (e?.code !== "P2002") return false;
  if (!field) return true;
  const c = e.meta?.driverAdapterError?.cause?.constraint;
  const names = [
    ...(Array.isArray(e.meta?.target) ? (e.meta.target as string[]) : typeof e.meta?.target === "string" ? [e.meta.target] : []),
    ...(c?.fields ?? []),
    ...(c?.index ? [c.index] : []),
  ];
  return names.some((n) => n === field || n.includes(`_${field}_`) || n.endsWith(`_${field}`) || n.includes(field));
}
