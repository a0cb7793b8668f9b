// Starts the platform's periodic jobs in this (Node.js) process and stops them on SIGTERM.
import { db } from "../db/client.ts";
import { platformJobs } from "./jobs.ts";
import { startScheduler } from "./scheduler.ts";
import { followChargerEvents } from "../sessions/react-to-charger.ts";

export function startPlatformJobs(databaseUrl: string) {
  const stop = startScheduler(databaseUrl, platformJobs(db()));
  // Energy-target stops and final captures within seconds of the charger's events (the sweep stays as the net).
  const unfollow = followChargerEvents(db(), databaseUrl);
  process.once("SIGTERM", () => void Promise.all([stop(), unfollow()]));
}
