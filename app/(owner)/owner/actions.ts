"use server";
// The owner console's server actions: thin wrappers over lib/owner, which
// authorises inside its queries (another owner's rows are "not found").
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action.ts";
import { db } from "@/lib/db/client.ts";
import { requestMeta } from "@/lib/http/request-meta.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { setUpCharger } from "@/lib/owner/charger.ts";
import { deletePhoto } from "@/lib/owner/photos.ts";
import { replyToReview } from "@/lib/owner/reviews.ts";
import { ZPhotoDelete, ZReply, ZStationCreate, ZStationRef, ZStationStatus, ZStationUpdate } from "@/lib/owner/schemas.ts";
import { createStation, setStationStatus, updateStation } from "@/lib/owner/stations.ts";
import { startOnboarding } from "@/lib/owner/payouts/onboarding.ts";
import { payoutProvider } from "@/lib/owner/payouts/stripe-connect.ts";
import { localized } from "./localize.ts";

const P = "owner:manage" as const;
const say = async (key: MessageKey) => (await getI18n()).t(key);

const createRun = defineAction({ name: "owner.createStation", input: ZStationCreate, permission: P }, async (input, { user }) => {
  const s = await createStation(db(), user!, input.station, await requestMeta());
  revalidatePath("/owner", "layout");
  return { id: s!.id, message: await say("owner.form.created"), redirectTo: `/owner/stations/${s!.id}` };
});
export async function createStationAction(input: unknown) { return localized(await createRun(input)); }

const updateRun = defineAction({ name: "owner.updateStation", input: ZStationUpdate, permission: P }, async (input, { user }) => {
  await updateStation(db(), user!, input.stationId, input.station, await requestMeta());
  revalidatePath("/owner", "layout");
  return { message: await say("owner.form.saved") };
});
export async function updateStationAction(input: unknown) { return localized(await updateRun(input)); }

const statusRun = defineAction({ name: "owner.setStationStatus", input: ZStationStatus, permission: P }, async (input, { user }) => {
  await setStationStatus(db(), user!, input, await requestMeta());
  revalidatePath("/owner", "layout");
  return { message: await say("owner.station.statusChanged") };
});
export async function setStationStatusAction(input: unknown) { return localized(await statusRun(input)); }

const chargerRun = defineAction({ name: "owner.setUpCharger", input: ZStationRef, permission: P }, async (input, { user }) => {
  const r = await setUpCharger(db(), user!, input.stationId, await requestMeta());
  revalidatePath(`/owner/stations/${input.stationId}`);
  return r;
});
export async function setUpChargerAction(input: unknown) { return localized(await chargerRun(input)); }

const photoDeleteRun = defineAction({ name: "owner.deletePhoto", input: ZPhotoDelete, permission: P }, async (input, { user }) => {
  await deletePhoto(db(), user!, input, await requestMeta());
  revalidatePath(`/owner/stations/${input.stationId}`);
  return { message: "" };
});
export async function deletePhotoAction(input: unknown) { return localized(await photoDeleteRun(input)); }

const replyRun = defineAction({ name: "owner.replyToReview", input: ZReply, permission: P }, async (input, { user }) => {
  await replyToReview(db(), user!, input, await requestMeta());
  revalidatePath("/owner/reviews");
  return { message: await say("owner.rev.sent") };
});
export async function replyToReviewAction(input: unknown) { return localized(await replyRun(input)); }

const onboardRun = defineAction({ name: "owner.startPayoutOnboarding", input: z.object({}), permission: P }, async (_input, { user }) => {
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
  const r = await startOnboarding(db(), payoutProvider(), user!, { returnUrl: `${origin}/owner/payouts?stripe=return`, refreshUrl: `${origin}/owner/payouts?stripe=refresh` }, await requestMeta());
  return { message: "", redirectTo: r.url };
});
export async function startPayoutOnboardingAction(input: unknown) { return localized(await onboardRun(input ?? {})); }
