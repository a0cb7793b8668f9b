// Starts the platform's periodic jobs in this (Node.js) process and stops them on SIGTERM.
import { db } from "../db/client.ts";
import { platformJobs } from "./jobs.ts";
import { startScheduler } from "./scheduler.ts";

export function startPlatformJobs(databaseUrl: string) {
  const stop = startScheduler(databaseUrl, platformJobs(db()));
  process.once("SIGTERM", () => void stop());
}
