// Integrator API tests call the real Next route handlers with real Requests,
// against a fresh PostgreSQL. The handlers use the process-wide db(), so
// DATABASE_URL points at the test database before the first request.
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { createApiKey } from "../../lib/api/api-keys.ts";

export type THandler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

export async function apiTestDb(): Promise<TestDb> {
  const t = await freshDatabase();
  process.env.DATABASE_URL = t.url;
  return t;
}

export async function newKey(t: TestDb, name = "test integrator"): Promise<string> {
  return (await createApiKey(t.db, { name })).key;
}

export type TCall = { key?: string | null; body?: unknown; rawBody?: string; params?: Record<string, string>; query?: string };

/** Calls a route handler as Next would; returns status and parsed JSON. */
export async function call(handler: THandler, method: string, path: string, opts: TCall = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  const request = new Request(`http://localhost/api/v1${path}${opts.query ? `?${opts.query}` : ""}`, {
    method,
    headers,
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const res = await handler(request, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

export const routes = {
  stations: () => import("../../app/api/v1/stations/route.ts"),
  station: () => import("../../app/api/v1/stations/[id]/route.ts"),
  ocppPassword: () => import("../../app/api/v1/stations/[id]/ocpp-password/route.ts"),
  connectors: () => import("../../app/api/v1/stations/[id]/connectors/route.ts"),
  connector: () => import("../../app/api/v1/stations/[id]/connectors/[connectorId]/route.ts"),
  stationCommands: () => import("../../app/api/v1/stations/[id]/commands/route.ts"),
  command: () => import("../../app/api/v1/commands/[id]/route.ts"),
  tokens: () => import("../../app/api/v1/tokens/route.ts"),
  token: () => import("../../app/api/v1/tokens/[id]/route.ts"),
  sessions: () => import("../../app/api/v1/sessions/route.ts"),
  session: () => import("../../app/api/v1/sessions/[id]/route.ts"),
  openapi: () => import("../../app/api/v1/openapi.json/route.ts"),
};

export const stationBody = (identity: string, extra: Record<string, unknown> = {}) => ({
  ocppIdentity: identity,
  name: `Charger ${identity}`,
  lat: 52.52,
  lng: 13.405,
  ...extra,
});
