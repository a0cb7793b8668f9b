// The client's address for throttling and the audit log. X-Forwarded-For is a
// list the client can start itself; only the right-most entry was added by the
// proxy (or server) nearest to us, so that is the one believed.
export function clientIp(header: (name: string) => string | null | undefined): string | null {
  const fwd = header("x-forwarded-for");
  if (fwd) {
    const hops = fwd.split(",").map((h) => h.trim()).filter(Boolean);
    if (hops.length) return hops[hops.length - 1];
  }
  return header("x-real-ip") ?? null;
}
