// Sessions as rows: where, when, who, how long and how much energy.
import Link from "next/link";
import { Table, td } from "./section.tsx";
import { formatDateTime } from "@/lib/format.ts";
import { formatDuration, formatKwhExact } from "@/lib/garage/format.ts";
import type { MessageKey, Translate } from "@/lib/i18n/translate.ts";

type TRow = {
  id: string; transactionId: number; status: string; startedAt: Date | null; endedAt: Date | null; energyWh: number | null; idTag: string | null;
  renter: { id: string; name: string } | null; parkingSpot: { id: string; label: string } | null; station: { id: string; ocppIdentity: string | null };
};

export function SessionTable({ siteId, rows, t, locale, timeZone }: { siteId: string; rows: TRow[]; t: Translate; locale: string; timeZone: string }) {
  if (!rows.length) return <p className="text-slate-600 text-sm">{t("garage.common.empty")}</p>;
  return (
    <Table
      testId="sessions-table"
      head={[t("garage.sessions.started"), t("garage.sessions.duration"), t("garage.sessions.spot"), t("garage.sessions.charger"), t("garage.sessions.card"), t("garage.sessions.renter"), t("garage.sessions.energy"), t("garage.sessions.status")]}
    >
      {rows.map((s) => (
        <tr key={s.id} data-testid="session-row" data-transaction={s.transactionId}>
          <td className={td}><Link className="underline" href={`/garage/${siteId}/sessions/${s.id}`}>{s.startedAt ? formatDateTime(s.startedAt, locale, timeZone) : "—"}</Link></td>
          <td className={td}>{s.endedAt ? formatDuration(s.startedAt, s.endedAt) : t("garage.sessions.running")}</td>
          <td className={td}>{s.parkingSpot?.label ?? "—"}</td>
          <td className={`${td} font-mono`}>{s.station.ocppIdentity}</td>
          <td className={`${td} font-mono`}>{s.idTag ?? "—"}</td>
          <td className={td}>{s.renter?.name ?? "—"}</td>
          <td className={`${td} whitespace-nowrap`} data-testid="session-energy">{formatKwhExact(s.energyWh ?? 0, locale)}</td>
          <td className={td}>{t(`garage.sessionStatus.${s.status}` as MessageKey)}</td>
        </tr>
      ))}
    </Table>
  );
}
