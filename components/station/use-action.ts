"use client";
// Runs a server action from a client form: busy flag, the error message and
// field errors of a refusal, or a success message, then refreshes the page.
import { useState } from "react";
import { useRouter } from "next/navigation";

export type TAnswer = { ok: true; data?: unknown } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function useAction(networkError: string) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  async function run(call: () => Promise<TAnswer>, success: string | null): Promise<boolean> {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    setMessage(null);
    try {
      const res = await call();
      if (!res.ok) {
        setError(res.error);
        setFieldErrors(res.fieldErrors ?? {});
        return false;
      }
      setMessage(success);
      router.refresh();
      return true;
    } catch {
      setError(networkError);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, fieldErrors, message, run };
}
