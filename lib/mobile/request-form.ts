// The driver's request form as the browser sends it (flat strings, card
// fields like every payment form), turned into ZMobileRequest's input; and
// the smaller query that finds offers before the driver picks one.
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { paymentSource, ZPaymentForm } from "../payments/index.ts";
import { PLUG_TYPES } from "./constants.ts";
import { ZMobileRequest, type TMobileRequestInput } from "./requests.ts";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ZOfferQuery = z
  .object({
    lat: z.preprocess(blankToUndefined, z.coerce.number({ message: "mobile.err.location" }).min(-90, "mobile.err.location").max(90, "mobile.err.location")),
    lng: z.preprocess(blankToUndefined, z.coerce.number({ message: "mobile.err.location" }).min(-180, "mobile.err.location").max(180, "mobile.err.location")),
    plugType: z.enum(PLUG_TYPES, { message: "mobile.err.plug" }),
    wantKind: z.enum(["energy", "duration"]).default("energy"),
    energyKwh: z.preprocess(blankToUndefined, z.coerce.number({ message: "mobile.err.energy" }).positive("mobile.err.energy").max(200, "mobile.err.energy").optional()),
    durationMinutes: z.preprocess(blankToUndefined, z.coerce.number({ message: "mobile.err.duration" }).int("mobile.err.duration").positive("mobile.err.duration").max(600, "mobile.err.duration").optional()),
    when: z.enum(["now", "scheduled"]).default("now"),
    scheduledAt: z.preprocess(blankToUndefined, z.coerce.date({ message: "mobile.err.scheduledAt" }).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.wantKind === "energy" && !v.energyKwh) ctx.addIssue({ code: "custom", message: "mobile.err.energy", path: ["energyKwh"] });
    if (v.wantKind === "duration" && !v.durationMinutes) ctx.addIssue({ code: "custom", message: "mobile.err.duration", path: ["durationMinutes"] });
    if (v.when === "scheduled" && (!v.scheduledAt || v.scheduledAt.getTime() < Date.now() - 60_000)) ctx.addIssue({ code: "custom", message: "mobile.err.scheduledAt", path: ["scheduledAt"] });
  })
  .transform((v) => ({
    lat: v.lat, lng: v.lng, plugType: v.plugType,
    energyWh: v.wantKind === "energy" && v.energyKwh ? Math.round(v.energyKwh * 1000) : undefined,
    durationMinutes: v.wantKind === "duration" ? v.durationMinutes : undefined,
    at: v.when === "scheduled" ? v.scheduledAt : undefined,
  }));

function issues(e: z.ZodError, into: Record<string, string[]>) {
  for (const i of e.issues) (into[i.path.join(".") || "_"] ??= []).push(i.message);
}

/** Validates the whole form; every field's problem is reported at once. */
export function parseRequestForm(raw: Record<string, unknown>): TMobileRequestInput {
  const fieldErrors: Record<string, string[]> = {};
  const query = ZOfferQuery.safeParse(raw);
  if (!query.success) issues(query.error, fieldErrors);
  const pay = ZPaymentForm.safeParse(raw);
  if (!pay.success) issues(pay.error, fieldErrors);
  const q = query.success ? query.data : null;
  const req = ZMobileRequest.safeParse({
    ...Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, blankToUndefined(v)])),
    energyKwh: q?.energyWh ? q.energyWh / 1000 : undefined,
    durationMinutes: q?.durationMinutes,
    scheduledAt: q?.at,
    card: pay.success ? paymentSource(pay.data) : "wallet",
  });
  if (!req.success) issues(req.error, fieldErrors);
  if (!req.success || !query.success || !pay.success) {
    // ZOfferQuery already explains the location and the amount; keep one message per field.
    for (const k of Object.keys(fieldErrors)) fieldErrors[k] = [...new Set(fieldErrors[k])].slice(0, 1);
    throw new AppError("INVALID_INPUT", "mobile.err.fix", fieldErrors);
  }
  return req.data;
}
