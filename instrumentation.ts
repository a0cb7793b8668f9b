// Next.js calls register() once when a server process starts: the web process
// runs the platform's periodic jobs (set CHARGEWAY_JOBS=0 to run none here).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.CHARGEWAY_JOBS === "0") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || !process.env.DATABASE_URL) return;
  const { startPlatformJobs } = await import("./lib/jobs/start.ts");
  startPlatformJobs(process.env.DATABASE_URL);
}
