// The week's working hours in the station's time zone, today highlighted.
import type { TOpeningHours } from "@/lib/stations/opening-hours.ts";
import type { MessageKey, Translate } from "@/lib/i18n/translate.ts";

export function OpeningHours({ hours, timeZone, t }: { hours: TOpeningHours; timeZone: string; t: Translate }) {
  return (
    <div data-testid="opening-hours">
      <h2 className="font-semibold mb-1">{t("station.hours")}</h2>
      {hours.is24x7 ? (
        <p>{t("station.open24")}</p>
      ) : (
        <>
          <p className={`text-sm font-medium ${hours.openNow ? "text-brand-700" : "text-red-700"}`} data-testid="open-now">
            {hours.openNow === undefined ? "" : hours.openNow ? t("station.openNow") : t("station.closedNow")}
          </p>
          <table className="text-sm">
            <tbody>
              {hours.week.map((d) => (
                <tr key={d.day} className={d.day === hours.today ? "font-semibold" : ""} aria-current={d.day === hours.today ? "date" : undefined}>
                  <th scope="row" className="text-left font-normal pr-4 py-0.5">{t(`station.day.${d.day}` as MessageKey)}</th>
                  <td>{d.ranges.length ? d.ranges.map(([a, b]) => `${a}–${b}`).join(", ") : t("station.closed")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-xs text-slate-500 mt-1">{t("station.hoursZone", { zone: timeZone })}</p>
        </>
      )}
    </div>
  );
}
