"use server";
// The driver's mobile charging actions: find offers, request (the card is
// held), cancel, rate. lib/mobile authorises inside its queries.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action.ts";
import { db } from "@/lib/db/client.ts";
import { currencyExponent, formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { findServices } from "@/lib/mobile/find-services.ts";
import { localized } from "@/lib/mobile/localize.ts";
import { parseRequestForm, ZOfferQuery } from "@/lib/mobile/request-form.ts";
import { holdFor } from "@/lib/mobile/request-rules.ts";
import { cancelRequest, createMobileRequest, rateRequest, ZCancel, ZRate } from "@/lib/mobile/requests.ts";

const D = "driver:self" as const;
const id = z.string().uuid("provider.err.notFound");

export type TOfferView = {
  id: string; companyName: string; serviceName: string; description: string | null; isPremium: boolean; rating: string;
  distance: string; eta: string; base: string; travel: string; total: string; hold: string;
};

const offersRun = defineAction({ name: "mobile.findOffers", input: ZOfferQuery, permission: D }, async (q) => {
  const { t, locale } = await getI18n();
  const offers = await findServices(db(), q);
  return {
    offers: offers.map((o): TOfferView => {
      const money = (m: number) => formatMoney(m, o.estimate.currency, locale);
      return {
        id: o.id, companyName: o.companyName, serviceName: o.serviceName, description: o.description, isPremium: o.isPremium,
        rating: o.ratingCount ? `★ ${o.ratingAvg.toFixed(1)} (${o.ratingCount})` : t("mobile.offer.noRatings"),
        distance: `${o.estimate.distanceKm.toLocaleString(locale)} km`, eta: t("mobile.minutes", { minutes: o.estimate.etaMinutes }),
        base: money(o.estimate.baseMinor), travel: money(o.estimate.travelFeeMinor), total: money(o.estimate.totalMinor),
        hold: money(holdFor(o.estimate.totalMinor, currencyExponent(o.estimate.currency))),
      };
    }),
  };
});
export async function findOffersAction(input: unknown) { return localized(await offersRun(input)); }

const createRun = defineAction({ name: "mobile.createRequest", input: z.record(z.string(), z.unknown()), permission: D }, async (raw, { user }) => {
  const r = await createMobileRequest(db(), user!, parseRequestForm(raw));
  revalidatePath("/mobile/requests");
  return { href: `/mobile/requests/${r.id}` };
});
export async function createRequestAction(input: unknown) { return localized(await createRun(input)); }

const cancelRun = defineAction({ name: "mobile.cancel", input: z.intersection(z.object({ requestId: id }), ZCancel), permission: D }, async (input, { user }) => {
  const r = await cancelRequest(db(), user!, input.requestId, input.reason);
  revalidatePath(`/mobile/requests/${input.requestId}`);
  const { t, locale } = await getI18n();
  return { message: r.feeMinor ? t("mobile.req.cancelledFee", { fee: formatMoney(r.feeMinor, r.currency, locale) }) : t("mobile.req.cancelledFree") };
});
export async function driverCancelAction(input: unknown) { return localized(await cancelRun(input)); }

const rateRun = defineAction({ name: "mobile.rate", input: z.intersection(z.object({ requestId: id }), ZRate), permission: D }, async (input, { user }) => {
  const s = await rateRequest(db(), user!, input.requestId, input);
  revalidatePath(`/mobile/requests/${input.requestId}`);
  return { message: (await getI18n()).t("mobile.req.rated", { avg: s.ratingAvg.toFixed(1), count: s.ratingCount }) };
});
export async function rateAction(input: unknown) { return localized(await rateRun(input)); }
