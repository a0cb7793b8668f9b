// The client's address as the first proxy saw it (x-forwarded-for), else x-real-ip.
export function clientIp(header: (name: string) => string | null | undefined): string | null {
  const fwd = header("x-forwarded-for");
  if (fwd) return fwd.split(",")[0].trim() || null;
  return header("x-real-ip") ?? null;
}
