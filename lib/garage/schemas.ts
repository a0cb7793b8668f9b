// Input of every garage form and action. Messages are i18n keys: the actions
// translate them for the caller's language (see app/(garage)/garage/localize.ts).
import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());

export const ZId = z.uuid({ error: "garage.err.notFound" });
const ZOptionalId = optional(ZId);

export const ZPage = z.coerce.number().int().min(1).max(10_000).catch(1);

export const ZRenterFields = z.object({
  siteId: ZId,
  name: z.string({ error: "garage.err.nameRequired" }).trim().min(2, { error: "garage.err.nameRequired" }).max(120, { error: "garage.err.tooLong" }),
  contactEmail: z
    .string({ error: "garage.err.emailInvalid" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "garage.err.emailInvalid" }).max(254, { error: "garage.err.tooLong" })),
  // Digits with the usual separators; at least 6 digits so "+", "123" are refused.
  phoneNumber: optional(
    z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()\-/.]{4,24}$/, { error: "garage.err.phoneInvalid" })
      .refine((v) => v.replace(/\D/g, "").length >= 6, { error: "garage.err.phoneInvalid" }),
  ),
});
export type TRenterFields = z.infer<typeof ZRenterFields>;

export const ZRenterUpdate = ZRenterFields.extend({ renterId: ZId });
export const ZRenterActive = z.object({ siteId: ZId, renterId: ZId, active: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]) });

export const ZSpotFields = z.object({
  siteId: ZId,
  label: z
    .string({ error: "garage.err.labelInvalid" })
    .trim()
    .min(1, { error: "garage.err.labelInvalid" })
    .max(40, { error: "garage.err.tooLong" })
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._\-/]*$/u, { error: "garage.err.labelInvalid" }),
  floorLevel: optional(z.string().trim().max(40, { error: "garage.err.tooLong" })),
  renterId: ZOptionalId,
  stationId: ZOptionalId,
});
export const ZSpotUpdate = ZSpotFields.extend({ spotId: ZId });
const ZChosen = (error: string) => z.preprocess(blankToUndefined, z.uuid({ error }));
export const ZSpotAssign = z.object({ siteId: ZId, spotId: ZChosen("garage.err.chooseSpot"), renterId: ZOptionalId });

// OCPP 1.6 idTag: CiString20, printable ASCII without spaces.
export const ZIdTag = z
  .string({ error: "garage.err.idTagInvalid" })
  .trim()
  .min(1, { error: "garage.err.idTagInvalid" })
  .max(20, { error: "garage.err.idTagTooLong" })
  .regex(/^[\x21-\x7E]+$/, { error: "garage.err.idTagInvalid" });

/** "YYYY-MM-DD" (end of that day in the garage is not needed: the card is valid until the start of it) or a full ISO time. */
const ZExpiry = optional(
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, { error: "garage.err.expiryInvalid" })
    .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v))
    .refine((d) => !Number.isNaN(d.getTime()), { error: "garage.err.expiryInvalid" }),
);

export const ZCardIssue = z.object({
  siteId: ZId,
  renterId: ZChosen("garage.err.chooseRenter"),
  idTag: ZIdTag,
  description: optional(z.string().trim().max(100, { error: "garage.err.tooLong" })),
  expiresAt: ZExpiry,
});
export const ZCardStatus = z.object({ siteId: ZId, cardId: ZId, status: z.enum(["ACCEPTED", "BLOCKED", "EXPIRED"]) });
export const ZCardReassign = z.object({ siteId: ZId, cardId: ZId, renterId: ZChosen("garage.err.chooseRenter") });

export const CHARGER_COMMANDS = ["unlock", "softReset", "hardReset", "stopTransaction", "makeAvailable", "makeUnavailable", "fetchConfiguration"] as const;
export type TChargerCommand = (typeof CHARGER_COMMANDS)[number];
export const ZChargerCommand = z.object({
  siteId: ZId,
  stationId: ZId,
  command: z.enum(CHARGER_COMMANDS),
  connectorId: z.coerce.number().int().min(0).max(99).default(1),
});
export const ZConfigChange = z.object({
  siteId: ZId,
  stationId: ZId,
  key: z.string({ error: "garage.err.configKey" }).trim().min(1, { error: "garage.err.configKey" }).max(50, { error: "garage.err.configKey" }),
  value: z.string({ error: "garage.err.configValue" }).trim().max(500, { error: "garage.err.configValue" }),
});

export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "garage.err.monthInvalid" });

export const ZSessionFilter = z.object({
  siteId: ZId,
  renterId: ZOptionalId.catch(undefined),
  cardId: ZOptionalId.catch(undefined),
  spotId: ZOptionalId.catch(undefined),
  from: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).catch(undefined),
  to: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).catch(undefined),
  page: ZPage,
});
export type TSessionFilter = z.infer<typeof ZSessionFilter>;
