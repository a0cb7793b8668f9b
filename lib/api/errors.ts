// Expected API failures carry their HTTP status; anything else is a bug and
// answers 500 with a generic message (the detail goes to the server log).
import type { z } from "zod";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const notFound = (what: string, id: string) => new ApiError(404, `${what} ${id} was not found`);

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "body"] ??= []).push(issue.message);
  return out;
}

export function invalidInput(error: z.ZodError, what = "Invalid input"): ApiError {
  const fields = fieldErrorsOf(error);
  const summary = Object.entries(fields).map(([k, v]) => `${k}: ${v.join("; ")}`).join(". ");
  return new ApiError(400, `${what}. ${summary}`, fields);
}

/** Parses with a zod schema or throws a 400 with field errors. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what?: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalidInput(r.error, what);
  return r.data;
}
