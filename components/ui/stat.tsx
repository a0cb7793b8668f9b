export function Stat({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div className="bg-white rounded-lg border border-slate-200 p-4">
      <div className="text-xs uppercase tracking-wide text-slate-500">{label}</div>
      <div className="text-2xl font-semibold mt-1" data-testid={testId}>{value}</div>
    </div>
  );
}

export function PageTitle({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return <h1 className="text-2xl font-semibold mb-4" data-testid={testId}>{children}</h1>;
}
