// Client components get their words as a plain object built on the server
// (lib/i18n stays server-side); fill() puts in {placeholders}.
export type TStrings = Record<string, string>;

export function fill(s: string | undefined, vars?: Record<string, string | number>): string {
  let out = s ?? "";
  if (vars) for (const [k, v] of Object.entries(vars)) out = out.replaceAll(`{${k}}`, String(v));
  return out;
}

/** Every key of a message group, e.g. pick(t, mapEn, "map.") on the server. */
export function pickStrings(t: (key: never) => string, keys: readonly string[]): TStrings {
  return Object.fromEntries(keys.map((k) => [k, t(k as never)]));
}
