"use server";
// The garage console's server actions: thin wrappers over lib/garage, which
// authorises inside its queries (another garage's rows are "not found").
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action.ts";
import { db } from "@/lib/db/client.ts";
import { requestMeta } from "@/lib/http/request-meta.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { issueCard, reassignCard, setCardStatus } from "@/lib/garage/cards.ts";
import { changeConfiguration, runChargerCommand } from "@/lib/garage/charger.ts";
import { createRenter, setRenterActive, updateRenter } from "@/lib/garage/renters.ts";
import { assignSpot, createSpot, updateSpot } from "@/lib/garage/spots.ts";
import {
  ZCardIssue, ZCardReassign, ZCardStatus, ZChargerCommand, ZConfigChange, ZRenterActive, ZRenterFields, ZRenterUpdate, ZSpotAssign, ZSpotFields, ZSpotUpdate,
} from "@/lib/garage/schemas.ts";
import { localized, pushMessage } from "../localize.ts";

const P = "garage:manage" as const;
const say = async (key: MessageKey, vars?: Record<string, string | number>) => (await getI18n()).t(key, vars);
const refresh = (siteId: string) => revalidatePath(`/garage/${siteId}`, "layout");

const createRenterRun = defineAction({ name: "garage.createRenter", input: ZRenterFields, permission: P }, async (input, { user }) => {
  const r = await createRenter(db(), user!, input, await requestMeta());
  refresh(input.siteId);
  return { id: r.id, message: await say("garage.renters.created"), redirectTo: `/garage/${input.siteId}/renters/${r.id}` };
});
export async function createRenterAction(input: unknown) { return localized(await createRenterRun(input)); }

const updateRenterRun = defineAction({ name: "garage.updateRenter", input: ZRenterUpdate, permission: P }, async (input, { user }) => {
  await updateRenter(db(), user!, input, await requestMeta());
  refresh(input.siteId);
  return { message: await say("garage.common.saved") };
});
export async function updateRenterAction(input: unknown) { return localized(await updateRenterRun(input)); }

const renterActiveRun = defineAction({ name: "garage.setRenterActive", input: ZRenterActive, permission: P }, async (input, { user }) => {
  const r = await setRenterActive(db(), user!, input, await requestMeta());
  refresh(input.siteId);
  const head = r.isActive ? await say("garage.renters.reactivated") : await say("garage.renters.deactivated", { spots: r.releasedSpots.join(", ") || "—" });
  return { message: `${head} ${r.push ? await pushMessage(r.push) : ""}`.trim() };
});
export async function setRenterActiveAction(input: unknown) { return localized(await renterActiveRun(input)); }

const createSpotRun = defineAction({ name: "garage.createSpot", input: ZSpotFields, permission: P }, async (input, { user }) => {
  await createSpot(db(), user!, input, await requestMeta());
  refresh(input.siteId);
  return { message: await say("garage.spots.created") };
});
export async function createSpotAction(input: unknown) { return localized(await createSpotRun(input)); }

const updateSpotRun = defineAction({ name: "garage.updateSpot", input: ZSpotUpdate, permission: P }, async (input, { user }) => {
  await updateSpot(db(), user!, input, await requestMeta());
  refresh(input.siteId);
  return { message: await say("garage.common.saved") };
});
export async function updateSpotAction(input: unknown) { return localized(await updateSpotRun(input)); }

const assignSpotRun = defineAction({ name: "garage.assignSpot", input: ZSpotAssign, permission: P }, async (input, { user }) => {
  await assignSpot(db(), user!, input, await requestMeta());
  refresh(input.siteId);
  return { message: await say(input.renterId ? "garage.renters.assigned" : "garage.renters.released") };
});
export async function assignSpotAction(input: unknown) { return localized(await assignSpotRun(input)); }

const issueCardRun = defineAction({ name: "garage.issueCard", input: ZCardIssue, permission: P }, async (input, { user }) => {
  const r = await issueCard(db(), user!, input, await requestMeta());
  refresh(input.siteId);
  return { message: `${await say("garage.cards.issued")} ${await pushMessage(r.push)}` };
});
export async function issueCardAction(input: unknown) { return localized(await issueCardRun(input)); }

const cardStatusRun = defineAction({ name: "garage.setCardStatus", input: ZCardStatus, permission: P }, async (input, { user }) => {
  const r = await setCardStatus(db(), user!, input, await requestMeta());
  refresh(input.siteId);
  return { message: `${await say("garage.cards.changed")} ${await pushMessage(r.push)}` };
});
export async function setCardStatusAction(input: unknown) { return localized(await cardStatusRun(input)); }

const reassignRun = defineAction({ name: "garage.reassignCard", input: ZCardReassign, permission: P }, async (input, { user }) => {
  const r = await reassignCard(db(), user!, input, await requestMeta());
  refresh(input.siteId);
  return { message: `${await say("garage.cards.reassigned")} ${await pushMessage(r.push)}` };
});
export async function reassignCardAction(input: unknown) { return localized(await reassignRun(input)); }

const commandRun = defineAction({ name: "garage.chargerCommand", input: ZChargerCommand, permission: P }, async (input, { user }) => {
  const r = await runChargerCommand(db(), user!, input, await requestMeta());
  refresh(input.siteId);
  return { ...r, message: await say("garage.charger.answer", { action: r.action, answer: r.answer }) };
});
export async function chargerCommandAction(input: unknown) { return localized(await commandRun(input)); }

const configRun = defineAction({ name: "garage.changeConfiguration", input: ZConfigChange, permission: P }, async (input, { user }) => {
  const r = await changeConfiguration(db(), user!, input, await requestMeta());
  refresh(input.siteId);
  return { ...r, message: await say("garage.charger.answer", { action: r.action, answer: r.answer }) };
});
export async function changeConfigurationAction(input: unknown) { return localized(await configRun(input)); }
