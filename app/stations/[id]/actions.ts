"use server";
// The station page's actions for drivers: favourite (with alias), review,
// report a problem. Each authorises the signed-in driver and acts on their rows only.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action.ts";
import { db } from "@/lib/db/client.ts";
import { removeFavorite, saveFavorite } from "@/lib/favorites/save-favorite.ts";
import { ZRemoveFavorite, ZSaveFavorite } from "@/lib/favorites/schemas.ts";
import { reportIssue, ZReportIssue } from "@/lib/issues/report-issue.ts";
import { saveReview, ZReview } from "@/lib/reviews/save-review.ts";

const favorite = defineAction({ name: "saveFavorite", input: ZSaveFavorite, permission: "driver:self" }, async (input, { user }) => {
  const f = await saveFavorite(db(), user!.id, input);
  revalidatePath(`/stations/${input.stationId}`);
  return { alias: f.alias };
});
export async function saveFavoriteAction(raw: unknown) {
  return favorite(raw);
}

const unfavorite = defineAction({ name: "removeFavorite", input: ZRemoveFavorite, permission: "driver:self" }, async (input, { user }) => {
  const r = await removeFavorite(db(), user!.id, input);
  revalidatePath(`/stations/${input.stationId}`);
  revalidatePath("/account/favorites");
  return r;
});
export async function removeFavoriteAction(raw: unknown) {
  return unfavorite(raw);
}

const review = defineAction({ name: "saveReview", input: ZReview, permission: "driver:self" }, async (input, { user }) => {
  const r = await saveReview(db(), user!.id, input);
  revalidatePath(`/stations/${input.stationId}`);
  revalidatePath("/account/reviews");
  return r;
});
export async function saveReviewAction(raw: unknown) {
  return review(raw);
}

const ZReportForm = ZReportIssue.extend({ photo: z.instanceof(File).optional() });
const report = defineAction({ name: "reportIssue", input: ZReportForm, permission: "driver:self" }, async ({ photo, ...input }, { user }) => {
  const bytes = photo ? new Uint8Array(await photo.arrayBuffer()) : undefined;
  const issue = await reportIssue(db(), user!.id, input, photo && bytes ? { name: photo.name, mimeType: photo.type, bytes } : undefined);
  return { id: issue.id };
});
/** Takes FormData so the photo travels as a file, not as base64 text. */
export async function reportIssueAction(form: FormData) {
  const photo = form.get("photo");
  return report({
    stationId: form.get("stationId"),
    type: form.get("type"),
    description: form.get("description"),
    photo: photo instanceof File && photo.size > 0 ? photo : undefined,
  });
}
