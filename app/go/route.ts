// After sign-in: apply the user's language and send them to their role's home.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { localPath } from "@/lib/auth/local-path.ts";
import { ROLE_HOME } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { LOCALE_COOKIE } from "@/lib/i18n/server.ts";
import { isLocale } from "@/lib/i18n/translate.ts";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const user = await getCurrentUser();
  // Relative Location: the browser stays on the host it used (req.url may name another).
  const to = (path: string) => new NextResponse(null, { status: 303, headers: { location: path } });
  if (!user) return to("/signin");
  // Only same-site paths, never another origin.
  const target = localPath(new URL(req.url).searchParams.get("next")) ?? ROLE_HOME[user.role];
  const res = to(target);
  const settings = await db().userSettings.findUnique({ where: { userId: user.id }, select: { preferredLanguage: true } });
  if (isLocale(settings?.preferredLanguage)) {
    res.cookies.set(LOCALE_COOKIE, settings.preferredLanguage, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  }
  return res;
}
