import { NextResponse } from "next/server";
import { db } from "@/lib/db/client.ts";
import { ocppHealthUrl } from "@/lib/env.ts";
import { checkHealth } from "@/lib/health/check-health.ts";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(db(), ocppHealthUrl());
  return NextResponse.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
