// GETs every page of an OCPI list endpoint: follows `Link: <...>; rel="next"`,
// else pages by offset with X-Total-Count. The token goes only to the
// operator's own origin, so a Link to elsewhere is refused, not followed.
import { parseFeed } from "./parse-feed.ts";

export type FetchLike = (url: string, init: { headers: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;

export type PageOptions = { token: string; fetch?: FetchLike; maxPages?: number; timeoutMs?: number };

export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /<([^>]*)>(.*)$/.exec(part.trim());
    if (m && /;\s*rel\s*=\s*"?next"?/i.test(m[2])) return m[1];
  }
  return undefined;
}

export async function fetchAllPages(firstUrl: string, { token, fetch: doFetch = fetch, maxPages = 10_000, timeoutMs = 60_000 }: PageOptions) {
  const origin = new URL(firstUrl).origin;
  const records: unknown[] = [];
  const notes = new Set<string>();
  const seen = new Set<string>();
  let url: string | undefined = firstUrl;
  let pages = 0;
  while (url) {
    const here: string = url;
    if (seen.has(url)) throw new Error(`the server's next page link repeats ${url}`);
    if (++pages > maxPages) throw new Error(`more than ${maxPages} pages; stopped`);
    seen.add(url);
    let res: Response;
    try {
      res = await doFetch(url, {
        headers: { Authorization: `Token ${token}`, Accept: "application/json" },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const cause = (e as { cause?: { message?: string } }).cause?.message;
      throw new Error(`GET ${url} failed: ${(e as Error).message}${cause ? ` (${cause})` : ""}`);
    }
    // The body of an error response is not shown: servers echo request headers there.
    if (!res.ok) throw new Error(`GET ${url} answered HTTP ${res.status} ${res.statusText}`.trim());
    const page = parseFeed(new Uint8Array(await res.arrayBuffer()));
    records.push(...page.records);
    page.notes.forEach((n) => notes.add(n));

    const link = nextLink(res.headers.get("link"));
    if (link) {
      const next = new URL(link, here);
      if (next.origin !== origin) throw new Error(`the next page link points to another server (${next.origin}); not followed`);
      url = next.toString();
      continue;
    }
    url = undefined;
    const total = Number(res.headers.get("x-total-count"));
    if (Number.isFinite(total) && page.records.length > 0) {
      const current = new URL(here);
      const offset = Number(current.searchParams.get("offset") ?? 0) + page.records.length;
      if (offset < total) {
        current.searchParams.set("offset", String(offset));
        url = current.toString();
      }
    }
  }
  return { records, notes: [...notes], pages };
}
