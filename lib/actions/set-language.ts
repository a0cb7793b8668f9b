"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { getCurrentUser } from "../auth/current-user.ts";
import { db } from "../db/client.ts";
import { LOCALE_COOKIE } from "../i18n/server.ts";

const ZLang = z.enum(["en", "ru"]);

/** Open to everyone: sets the cookie; for a signed-in user also their saved preference. */
export async function setLanguage(raw: unknown): Promise<{ ok: boolean }> {
  const parsed = ZLang.safeParse(raw);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  const user = await getCurrentUser();
  if (user) {
    await db().userSettings.upsert({
      where: { userId: user.id },
      create: { userId: user.id, preferredLanguage: parsed.data },
      update: { preferredLanguage: parsed.data },
    });
  }
  return { ok: true };
}
