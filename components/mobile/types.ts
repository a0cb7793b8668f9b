// The answer of every mobile server action, as the browser sees it.
export type TMobileAnswer =
  | { ok: true; data: { message?: string; href?: string } }
  | { ok: false; error: string; code?: string; fieldErrors?: Record<string, string[]> };
export type TMobileAction = (input: unknown) => Promise<TMobileAnswer>;
export type TStrings = Record<string, string>;
