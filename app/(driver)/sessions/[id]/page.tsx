// The live page of a charging session the driver started.
import { notFound, redirect } from "next/navigation";
import { LiveSession } from "@/components/charging/live-session.tsx";
import { pickPrefix } from "@/components/payments/strings.ts";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { liveSession } from "@/lib/sessions/index.ts";
import { isUuid } from "@/lib/stations/visibility.ts";
import { stopChargingAction } from "./actions.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Charging session" };

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("driver:self", `/sessions/${id}`);
  if (!isUuid(id)) notFound();
  const { t, locale } = await getI18n();
  let state;
  try {
    state = await liveSession(db(), user.id, id);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  if (state.id !== id) redirect(`/sessions/${state.id}`);
  return (
    <div className="flex flex-col gap-4 max-w-2xl">
      <PageTitle testId="session-title">{t("session.title")}</PageTitle>
      <LiveSession initial={state} locale={locale} s={pickPrefix(t, "session.", "unit.")} stop={stopChargingAction} />
    </div>
  );
}
