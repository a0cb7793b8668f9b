// The bounds of "how much" to charge, shared by the server's check and the
// charge form (which must refuse the same values before showing an estimate).
export const MAX_TARGET_VALUE = 500;

export type TTargetProblem = "missing" | "notNumber" | "notPositive" | "tooBig";

/** The typed value ("12,5" or "12.5") as a number, or why it is not acceptable. */
export function parseTargetValue(raw: string): { value: number } | { problem: TTargetProblem } {
  const text = raw.trim().replace(",", ".");
  if (!text) return { problem: "missing" };
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { problem: "notNumber" };
  const value = Number(text);
  if (!(value > 0)) return { problem: "notPositive" };
  if (value > MAX_TARGET_VALUE) return { problem: "tooBig" };
  return { value };
}
