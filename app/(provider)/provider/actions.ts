"use server";
// The provider console's server actions: thin wrappers over lib/mobile, which
// authorises inside its queries (another provider's rows are "not found").
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action.ts";
import { db } from "@/lib/db/client.ts";
import { requestMeta } from "@/lib/http/request-meta.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { localized } from "@/lib/mobile/localize.ts";
import { acceptRequest, cancelRequest, completeRequest, startCharging, startTrip, updateProviderLocation, ZCancel, ZComplete } from "@/lib/mobile/requests.ts";
import { ZServiceForm } from "@/lib/mobile/service-schema.ts";
import { createService, setServiceListed, updateService } from "@/lib/mobile/services.ts";

const P = "provider:manage" as const;
const id = z.string().uuid("provider.err.notFound");
const say = async (key: Parameters<Awaited<ReturnType<typeof getI18n>>["t"]>[0]) => (await getI18n()).t(key);

const createRun = defineAction({ name: "provider.createService", input: ZServiceForm, permission: P }, async (input, { user }) => {
  const s = await createService(db(), user!, input, await requestMeta());
  revalidatePath("/provider", "layout");
  return { href: `/provider/services/${s.id}?created=1` };
});
export async function createServiceAction(input: unknown) { return localized(await createRun(input)); }

const updateRun = defineAction({ name: "provider.updateService", input: z.intersection(z.object({ serviceId: id }), ZServiceForm), permission: P }, async (input, { user }) => {
  await updateService(db(), user!, input.serviceId, input, await requestMeta());
  revalidatePath("/provider", "layout");
  return { message: await say("provider.form.saved") };
});
export async function updateServiceAction(input: unknown) { return localized(await updateRun(input)); }

const listedRun = defineAction({ name: "provider.setListed", input: z.object({ serviceId: id, listed: z.enum(["true", "false"]) }), permission: P }, async (input, { user }) => {
  await setServiceListed(db(), user!, input.serviceId, input.listed === "true", await requestMeta());
  revalidatePath("/provider", "layout");
  return { message: await say(input.listed === "true" ? "provider.service.resumed" : "provider.service.paused") };
});
export async function setListedAction(input: unknown) { return localized(await listedRun(input)); }

const ref = z.object({ requestId: id });
const step = (name: string, fn: typeof acceptRequest, done: "provider.req.accepted" | "provider.req.onTheWay" | "provider.req.charging") => {
  const run = defineAction({ name, input: ref, permission: P }, async (input, { user }) => {
    await fn(db(), user!, input.requestId);
    revalidatePath("/provider", "layout");
    return { message: await say(done) };
  });
  return async (input: unknown) => localized(await run(input));
};
const accept = step("provider.accept", acceptRequest, "provider.req.accepted");
const trip = step("provider.startTrip", (d, u, r) => startTrip(d, u, r), "provider.req.onTheWay");
const charging = step("provider.startCharging", startCharging, "provider.req.charging");
export async function acceptAction(input: unknown) { return accept(input); }
export async function startTripAction(input: unknown) { return trip(input); }
export async function startChargingAction(input: unknown) { return charging(input); }

const ZPosition = z.object({
  requestId: id,
  lat: z.coerce.number({ message: "provider.err.lat" }).min(-90, "provider.err.lat").max(90, "provider.err.lat"),
  lng: z.coerce.number({ message: "provider.err.lng" }).min(-180, "provider.err.lng").max(180, "provider.err.lng"),
  accuracy: z.coerce.number().nonnegative().optional(),
});
const locationRun = defineAction({ name: "provider.location", input: ZPosition, permission: P }, async (input, { user }) => {
  const r = await updateProviderLocation(db(), user!, input.requestId, { lat: input.lat, lng: input.lng, accuracy: input.accuracy });
  return { message: (await getI18n()).t("provider.req.positionSent", { eta: r.etaMinutes ?? "?" }) };
});
export async function updateLocationAction(input: unknown) { return localized(await locationRun(input)); }

const completeRun = defineAction({ name: "provider.complete", input: z.intersection(ref, ZComplete), permission: P }, async (input, { user }) => {
  await completeRequest(db(), user!, input.requestId, input);
  revalidatePath("/provider", "layout");
  return { message: await say("provider.req.completed") };
});
export async function completeAction(input: unknown) { return localized(await completeRun(input)); }

const cancelRun = defineAction({ name: "provider.cancel", input: z.intersection(ref, ZCancel), permission: P }, async (input, { user }) => {
  await cancelRequest(db(), user!, input.requestId, input.reason);
  revalidatePath("/provider", "layout");
  return { message: await say("provider.req.cancelled") };
});
export async function providerCancelAction(input: unknown) { return localized(await cancelRun(input)); }
