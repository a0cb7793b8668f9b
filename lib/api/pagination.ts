// Keyset pagination: the cursor is an opaque token holding the last row's sort
// key and id, so pages stay stable while rows are added.
import { z } from "zod";
import { ApiError } from "./errors.ts";

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

export const ZPage = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  cursor: z.string().max(500).optional(),
});
export type TPage = z.output<typeof ZPage>;

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, shape: ("string" | "number" | "date")[]): (string | number | Date)[] | null {
  if (!cursor) return null;
  try {
    const parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(parts) || parts.length !== shape.length) throw new Error();
    return shape.map((kind, i) => {
      const v = parts[i];
      if (kind === "number" && typeof v === "number" && Number.isFinite(v)) return v;
      if (kind === "string" && typeof v === "string") return v;
      if (kind === "date" && typeof v === "string" && !Number.isNaN(Date.parse(v))) return new Date(v);
      throw new Error();
    });
  } catch {
    throw new ApiError(400, "Invalid cursor: pass nextCursor from the previous page unchanged", { cursor: ["Invalid cursor"] });
  }
}

/** Rows after (createdAt, id) in ascending order. */
export function afterCreatedAt(cursor: string | undefined) {
  const c = decodeCursor(cursor, ["date", "string"]);
  if (!c) return {};
  const [createdAt, id] = c as [Date, string];
  return { OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: id } }] };
}

/** Takes limit+1 rows, returns the page and the cursor for the next one. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(keyOf(data[data.length - 1])) : null;
  return { data, nextCursor };
}

/** URLSearchParams as a plain object (single values), for zod. */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}
