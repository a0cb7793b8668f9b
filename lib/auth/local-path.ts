// Where to go after sign-in: only a path on this site. "/\evil.example" and
// "/\t/evil.example" look local but browsers read them as "//evil.example"
// (another host), so the check is what a browser would resolve, not a prefix.
const BASE = "http://chargeway.invalid";

export function localPath(raw: string | null | undefined): string | undefined {
  if (!raw || raw.length > 2000 || !raw.startsWith("/")) return undefined;
  // Backslashes and control characters are how prefix checks get fooled.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE) return undefined;
  return url.pathname + url.search + url.hash;
}
