import { LiveBoard } from "@/components/garage/live-board.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { loadBoard } from "@/lib/garage/board.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { garagePage, requireIds } from "../page-context.ts";

export const metadata = { title: "Live board" };
export const dynamic = "force-dynamic";

const STATUSES = ["AVAILABLE", "PREPARING", "CHARGING", "SUSPENDED_EVSE", "SUSPENDED_EV", "FINISHING", "RESERVED", "UNAVAILABLE", "FAULTED", "UNKNOWN"];

export default async function BoardPage({ params }: { params: Promise<{ siteId: string }> }) {
  const { siteId } = await params;
  requireIds(siteId);
  const { user, t, locale, db } = await garagePage(siteId, `/garage/${siteId}`);
  const { rows } = await loadBoard(db, user, siteId);
  const k = (s: string) => t(`garage.board.${s}` as MessageKey);
  return (
    <div>
      <PageTitle testId="board-title">{t("garage.board.title")}</PageTitle>
      <LiveBoard
        initial={rows}
        siteId={siteId}
        locale={locale}
        m={{
          spot: k("spot"), noSpot: k("noSpot"), charger: k("charger"), noCharger: k("noCharger"), online: k("online"), offline: k("offline"),
          connector: k("connector"), error: k("error"), renter: k("renter"), vacant: k("vacant"), energy: k("energy"), power: k("power"),
          idle: k("idle"), live: k("live"), session: k("session"),
          statuses: Object.fromEntries(STATUSES.map((s) => [s, t(`garage.connStatus.${s}` as MessageKey)])),
        }}
      />
    </div>
  );
}
