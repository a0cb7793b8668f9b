"use client";
export function PrintButton({ label }: { label: string }) {
  return <button type="button" onClick={() => window.print()} className="rounded-md bg-brand-600 text-white px-3 py-1.5 text-sm">{label}</button>;
}
