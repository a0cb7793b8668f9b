// The one wrapper every /api/v1 route goes through: authenticate the bearer
// key, run the handler, turn ApiError into its status and anything else into
// a logged 500. Handlers stay a few lines: parse, call a lib/api function.
import type { Db } from "../db/client.ts";
export { queryObject } from "./pagination.ts";
import { ApiError } from "./errors.ts";
import { bearerKey, verifyApiKey, type TApiPrincipal } from "./api-keys.ts";

export type TApiContext = { db: Db; principal: TApiPrincipal; request: Request; url: URL };

const headers = { "cache-control": "no-store" };

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? Number(v) : v)), {
    status,
    headers: { ...headers, "content-type": "application/json; charset=utf-8" },
  });
}

export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) {
    return json({ error: err.message, ...(err.fieldErrors && { fieldErrors: err.fieldErrors }), ...err.extra }, err.status);
  }
  console.error(JSON.stringify({ t: new Date().toISOString(), level: "error", msg: "api request failed", error: (err as Error)?.stack ?? String(err) }));
  return json({ error: "The request could not be processed. Please try again." }, 500);
}

/** Reads a JSON body; a missing or malformed one is a 400, not a crash. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) throw new ApiError(400, "A JSON body is required", { body: ["Required"] });
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "The body is not valid JSON", { body: ["Not valid JSON"] });
  }
}

/** Authenticates, runs `run`, answers JSON. `run` returns a Response or a body for 200. */
export async function handleApi(getDb: () => Db, request: Request, run: (ctx: TApiContext) => Promise<Response | unknown>): Promise<Response> {
  try {
    const db = getDb();
    const key = bearerKey(request.headers.get("authorization"));
    if (!key) {
      return new Response(JSON.stringify({ error: "Missing API key: send Authorization: Bearer <key>" }), {
        status: 401,
        headers: { ...headers, "content-type": "application/json; charset=utf-8", "www-authenticate": 'Bearer realm="chargeway"' },
      });
    }
    const principal = await verifyApiKey(db, key);
    if (!principal) {
      return new Response(JSON.stringify({ error: "Invalid or revoked API key" }), {
        status: 401,
        headers: { ...headers, "content-type": "application/json; charset=utf-8", "www-authenticate": 'Bearer realm="chargeway", error="invalid_token"' },
      });
    }
    const result = await run({ db, principal, request, url: new URL(request.url) });
    return result instanceof Response ? result : json(result);
  } catch (err) {
    return errorResponse(err);
  }
}

/** Names the key in audit entries. */
export function actorLabel(principal: TApiPrincipal): string {
  return principal.kind === "key" ? `api-key:${principal.keyId} (${principal.name})` : "ADMIN_API_KEY";
}

/** The user an action is attributed to: the admin who created the key (none for ADMIN_API_KEY). */
export function actingUserId(principal: TApiPrincipal): string | undefined {
  return principal.kind === "key" ? (principal.createdById ?? undefined) : undefined;
}

/** Next's second route-handler argument: dynamic segments, as a promise. */
export type TParams<K extends string = "id"> = { params: Promise<Record<K, string>> };
