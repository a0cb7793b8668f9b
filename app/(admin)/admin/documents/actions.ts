"use server";
// Admin review of provider documents, and the premium listing flag. Both audited.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action.ts";
import { db } from "@/lib/db/client.ts";
import { requestMeta } from "@/lib/http/request-meta.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { reviewDocument, setPremium } from "@/lib/mobile/documents.ts";
import { localized } from "@/lib/mobile/localize.ts";

const id = z.string().uuid("provider.err.notFound");

const reviewRun = defineAction({
  name: "admin.reviewDocument",
  input: z.object({ documentId: id, decision: z.enum(["APPROVE", "REJECT"]), reason: z.string().trim().max(500, "provider.err.tooLong").optional() }),
  permission: "platform:admin",
}, async (input, { user }) => {
  const r = await reviewDocument(db(), user!, input, await requestMeta());
  revalidatePath("/admin/documents");
  const { t } = await getI18n();
  return { message: r.status === "APPROVED" ? (r.serviceStatus === "ACTIVE" ? t("provider.review.approvedListed") : t("provider.review.approved")) : t("provider.review.rejected") };
});
export async function reviewDocumentAction(input: unknown) { return localized(await reviewRun(input)); }

const premiumRun = defineAction({ name: "admin.setPremium", input: z.object({ serviceId: id, isPremium: z.enum(["true", "false"]) }), permission: "platform:admin" }, async (input, { user }) => {
  await setPremium(db(), user!, { serviceId: input.serviceId, isPremium: input.isPremium === "true" }, await requestMeta());
  revalidatePath("/admin/documents");
  return { message: (await getI18n()).t("provider.review.premiumSaved") };
});
export async function setPremiumAction(input: unknown) { return localized(await premiumRun(input)); }
