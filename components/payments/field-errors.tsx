"use client";
// Field-level errors of a pay form. The form (pay-form.tsx) owns them; the
// field components show theirs beside the input (aria-invalid, red border,
// message linked by aria-describedby) and may check their own fields in the
// reader's language before anything is sent.
import { createContext, useContext, useEffect, useRef } from "react";

export type TFieldErrors = Record<string, string[]>;
export type TFieldCheck = (data: Record<string, string>) => TFieldErrors;

type TCtx = { errors: TFieldErrors; register: (names: string[], check?: TFieldCheck) => () => void };

export const FieldErrorsContext = createContext<TCtx>({ errors: {}, register: () => () => {} });

/** Claims fields (the form then leaves their display to the caller) and an optional check run before submitting. */
export function useFieldErrors(names: string[], check?: TFieldCheck) {
  const ctx = useContext(FieldErrorsContext);
  const ref = useRef(check);
  ref.current = check;
  const key = names.join(",");
  useEffect(() => ctx.register(key.split(","), (d) => ref.current?.(d) ?? {}), [ctx, key]);
  return (name: string) => ctx.errors[name]?.[0];
}

export const INPUT = "border rounded-md px-3 py-2 text-base bg-white w-full";
export const inputTone = (error: string | undefined) => (error ? "border-red-600 ring-1 ring-red-600" : "border-slate-300");

/** The props that mark an input invalid and point it at its message. */
export function invalidProps(name: string, error: string | undefined) {
  return error ? { "aria-invalid": true as const, "aria-describedby": `err-${name}` } : {};
}

export function FieldMessage(props: { name: string; error: string | undefined }) {
  if (!props.error) return null;
  return <p id={`err-${props.name}`} className="text-sm text-red-700" data-testid={`field-error-${props.name}`}>{props.error}</p>;
}
