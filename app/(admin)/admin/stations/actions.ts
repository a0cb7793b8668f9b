"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action.ts";
import { adoptCharger, decideStation, ZAdoptCharger, ZStationDecision } from "@/lib/admin/manage-station.ts";
import { requestActor } from "@/lib/admin/request-actor.ts";
import { sendStationCommand, ZAdminCommand } from "@/lib/admin/station-command.ts";
import { db } from "@/lib/db/client.ts";

const decide = defineAction({ name: "admin-decide-station", input: ZStationDecision, permission: "platform:admin" }, async (input, { user }) => {
  const s = await decideStation(db(), await requestActor(user), input);
  revalidatePath("/", "layout");
  return { id: s.id, status: s.status };
});

const adopt = defineAction({ name: "admin-adopt-charger", input: ZAdoptCharger, permission: "platform:admin" }, async (input, { user }) => {
  // The password goes to this admin's browser once, to be put on the charger.
  // No revalidatePath here: it would re-render the page at once and unmount
  // the form showing the password; the admin's "Done" refreshes the page.
  return adoptCharger(db(), await requestActor(user), input);
});

const command = defineAction({ name: "admin-station-command", input: ZAdminCommand, permission: "platform:admin" }, async (input, { user }) =>
  sendStationCommand(db(), await requestActor(user), input),
);

export async function decideStationAction(input: unknown) { return decide(input); }
export async function adoptChargerAction(input: unknown) { return adopt(input); }
export async function sendCommandAction(input: unknown) { return command(input); }
