import "server-only";
// The one way to write a server action: validate (zod), authorise (the
// caller's role, read from the database), act, and return a typed result.
// Every exported "use server" function is a public endpoint, so none may skip this.
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "../auth/current-user.ts";
import { can, type Permission } from "../auth/roles.ts";
import { AppError } from "../errors/app-error.ts";
import { logError } from "../log.ts";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string[]> };

type Options<S extends z.ZodType> = {
  name: string;
  input: S;
  /** null = open to signed-out visitors (sign-up). */
  permission: Permission | null;
};

export function defineAction<S extends z.ZodType, T>(
  opts: Options<S>,
  handler: (input: z.infer<S>, ctx: { user: CurrentUser | null }) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const user = await getCurrentUser();
      if (opts.permission) {
        if (!user) return { ok: false, code: "UNAUTHENTICATED", error: "Please sign in first." };
        // Another role's action answers as if it did not exist.
        if (!can(user.role, opts.permission)) return { ok: false, code: "NOT_FOUND", error: "Not found." };
      }
      const parsed = opts.input.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.join(".") || "_";
          (fieldErrors[key] ??= []).push(issue.message);
        }
        return { ok: false, code: "INVALID_INPUT", error: "Please correct the highlighted fields.", fieldErrors };
      }
      return { ok: true, data: await handler(parsed.data, { user }) };
    } catch (err) {
      if (err instanceof AppError) {
        return { ok: false, code: err.code, error: err.message, fieldErrors: err.fieldErrors };
      }
      // Next.js signals redirect()/notFound() by throwing; let those through.
      if ((err as { digest?: string })?.digest?.startsWith?.("NEXT_")) throw err;
      logError(`action ${opts.name} failed`, err);
      return { ok: false, code: "INTERNAL", error: "Something went wrong on our side. Please try again." };
    }
  };
}

/** Turns FormData into a plain object for the zod schema. */
export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") out[k] = v;
  return out;
}
