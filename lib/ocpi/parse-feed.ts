// Turns a feed file or HTTP body into its list of records. Accepts bytes or
// text with or without a UTF-8 byte-order mark, the OCPI envelope
// ({ data, status_code, ... }), a bare array, or one bare object.

export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeedError";
  }
}

export type ParsedFeed = { records: unknown[]; notes: string[] };

export function decodeFeedText(input: string | Uint8Array | ArrayBuffer): { text: string; hadBom: boolean } {
  const text = typeof input === "string" ? input : new TextDecoder("utf-8", { ignoreBOM: true }).decode(input);
  const hadBom = text.charCodeAt(0) === 0xfeff;
  return { text: hadBom ? text.slice(1) : text, hadBom };
}

export function parseFeed(input: string | Uint8Array | ArrayBuffer | unknown[] | object): ParsedFeed {
  const notes: string[] = [];
  let body: unknown = input;
  if (typeof input === "string" || input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const { text, hadBom } = decodeFeedText(input);
    if (hadBom) notes.push("the feed starts with a UTF-8 byte-order mark (ignored)");
    if (!text.trim()) throw new FeedError("the feed is empty");
    try {
      body = JSON.parse(text);
    } catch (e) {
      throw new FeedError(`the feed is not valid JSON (${(e as Error).message})`);
    }
  }
  if (Array.isArray(body)) {
    if (body !== input) notes.push("the feed is a bare JSON array, not an OCPI envelope");
    return { records: body, notes };
  }
  if (body && typeof body === "object") {
    const env = body as { data?: unknown; status_code?: unknown; status_message?: unknown };
    if ("data" in env || "status_code" in env) {
      const code = env.status_code === undefined ? undefined : Number(env.status_code);
      // OCPI 1xxx is success; 2xxx/3xxx are client/server errors whose data is not a result.
      if (code !== undefined && (code < 1000 || code >= 2000)) {
        throw new FeedError(`the OCPI response reports status_code ${env.status_code}${env.status_message ? ` (${String(env.status_message)})` : ""}`);
      }
      if (env.data === undefined || env.data === null) return { records: [], notes };
      if (Array.isArray(env.data)) return { records: env.data, notes };
      if (typeof env.data === "object") return { records: [env.data], notes };
      throw new FeedError("the OCPI envelope's data is neither a list nor an object");
    }
    // A single Location/Tariff object, as returned by GET .../locations/{id}.
    if ("id" in body) {
      notes.push("the feed is a single object, not a list");
      return { records: [body], notes };
    }
  }
  throw new FeedError("the feed is neither an OCPI envelope nor a JSON array of records");
}
