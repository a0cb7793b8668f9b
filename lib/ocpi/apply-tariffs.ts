// Upserts an operator's OCPI tariffs (Tariff rows keyed by operatorId + externalId).
// Unchanged tariffs are not written, so updatedAt keeps meaning "content changed".
import { Prisma, type Db } from "../db/client.ts";
import type { RecordOutcome } from "./outcome.ts";
import type { KnownTariff } from "./station-content.ts";
import { canonical } from "./station-content.ts";
import { tariffFromRecord } from "../tariffs/index.ts";
import { energyPriceMinor, normaliseTariff, tariffText } from "./tariffs.ts";

export type TariffApplyResult = { outcomes: RecordOutcome[]; changedIds: string[]; created: number; updated: number };

export async function applyTariffs(db: Db, operatorId: string, records: unknown[]): Promise<TariffApplyResult> {
  const outcomes: RecordOutcome[] = [];
  const changedIds: string[] = [];
  let created = 0;
  let updated = 0;
  const existing = new Map(
    (await db.tariff.findMany({ where: { operatorId } })).map((t) => [t.externalId ?? "", t]),
  );
  const seen = new Set<string>();
  for (const raw of records) {
    const { tariff, outcome } = normaliseTariff(raw);
    if (!tariff) {
      outcomes.push(outcome);
      continue;
    }
    if (seen.has(tariff.externalId)) {
      outcomes.push({ id: outcome.id, action: "rejected", reasons: ["the tariff appears twice in the feed; the first one was kept"] });
      continue;
    }
    seen.add(tariff.externalId);
    const data = {
      name: tariff.name,
      currency: tariff.currency,
      elements: tariff.elements as Prisma.InputJsonValue,
      minPriceMinor: tariff.minPriceMinor,
      maxPriceMinor: tariff.maxPriceMinor,
      altText: tariff.altText ?? Prisma.DbNull,
    };
    const current = existing.get(tariff.externalId);
    try {
      if (!current) {
        const row = await db.tariff.create({ data: { ...data, operatorId, externalId: tariff.externalId } });
        changedIds.push(row.id);
        created++;
      } else if (
        canonical({ ...data, altText: tariff.altText }) !==
        canonical({ name: current.name, currency: current.currency, elements: current.elements, minPriceMinor: current.minPriceMinor, maxPriceMinor: current.maxPriceMinor, altText: current.altText })
      ) {
        await db.tariff.update({ where: { id: current.id }, data });
        changedIds.push(current.id);
        updated++;
      }
      if (outcome.action !== "ok") outcomes.push(outcome);
    } catch (e) {
      outcomes.push({ id: outcome.id, action: "rejected", reasons: [`database refused the tariff: ${shortError(e)}`] });
    }
  }
  return { outcomes, changedIds, created, updated };
}

/** The operator's tariffs as the station builder needs them, by external id and by row id. */
export async function knownTariffs(db: Db, operatorId: string) {
  const rows = await db.tariff.findMany({ where: { operatorId } });
  const byExternalId = new Map<string, KnownTariff>();
  const byId = new Map<string, KnownTariff>();
  for (const t of rows) {
    let text = t.name;
    let pricePerKwhMinor: number | null = null;
    try {
      const parsed = tariffFromRecord(t);
      text = tariffText(parsed, t.altText as { language: string; text: string }[] | null);
      pricePerKwhMinor = energyPriceMinor(parsed.elements);
    } catch {
      // A row another part of the app stored in a shape we cannot price: show its name only.
    }
    const known: KnownTariff = { id: t.id, externalId: t.externalId ?? "", currency: t.currency, text, pricePerKwhMinor };
    if (t.externalId) byExternalId.set(t.externalId, known);
    byId.set(t.id, known);
  }
  return { byExternalId, byId };
}

export function shortError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n").filter(Boolean).slice(-1)[0]?.slice(0, 300) ?? "unknown error";
}
