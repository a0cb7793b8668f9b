import "server-only";
import { headers } from "next/headers";
import { clientIp } from "./client-ip.ts";

/** The caller's IP and user agent, for the audit log. */
export async function requestMeta() {
  const h = await headers();
  return { ip: clientIp((n) => h.get(n)) ?? "local", userAgent: h.get("user-agent") };
}
