import Link from "next/link";
import { db } from "@/lib/db/client.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export const dynamic = "force-dynamic";

export default async function Home() {
  const { t, locale } = await getI18n();
  const [count, stations] = await Promise.all([
    db().station.count({ where: { publish: true, status: "ACTIVE" } }),
    db().station.findMany({
      where: { publish: true, status: "ACTIVE" },
      orderBy: { name: "asc" },
      take: 20,
      select: { id: true, name: true, address: true, city: true, availability: true, maxPowerKw: true },
    }),
  ]);
  return (
    <div className="flex flex-col gap-4" data-testid="home">
      <div>
        <h1 className="text-2xl font-semibold">{t("home.title")}</h1>
        <p className="text-slate-600">{t("app.tagline")} {t("home.stations", { count: count.toLocaleString(locale) })}</p>
      </div>
      <ul className="divide-y divide-slate-200 bg-white rounded-lg border border-slate-200">
        {stations.map((s) => (
          <li key={s.id} className="p-3 flex flex-wrap justify-between gap-2 text-sm">
            <span className="font-medium">{s.name}</span>
            <span className="text-slate-600">{[s.address, s.city].filter(Boolean).join(", ")}</span>
            <span>{s.maxPowerKw} kW · {s.availability}</span>
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-500">
        <Link href="/signin" className="underline">{t("nav.signIn")}</Link> · {t("home.demoHint")}
      </p>
    </div>
  );
}
