// Every id is a UUID. A malformed one in a URL, form or query string is "not
// found", decided here before it reaches PostgreSQL (which would answer a
// cast error, i.e. a 500).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);
