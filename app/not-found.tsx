import Link from "next/link";
import { getI18n } from "@/lib/i18n/server.ts";

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <div className="text-center py-16" data-testid="not-found">
      <p className="text-5xl font-bold text-slate-300">404</p>
      <h1 className="text-xl font-semibold mt-2">{t("common.notFound")}</h1>
      <Link href="/" className="text-brand-700 underline mt-4 inline-block">{t("common.backHome")}</Link>
    </div>
  );
}
