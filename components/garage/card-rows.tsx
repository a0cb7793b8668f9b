// The cards table shared by the renter page and the cards page: status,
// expiry, and the block / unblock / expire / re-assign controls.
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button.tsx";
import { ActionForm } from "@/components/ui/action-form.tsx";
import { Table, td } from "./section.tsx";
import { reassignCardAction, setCardStatusAction } from "@/app/(garage)/garage/[siteId]/actions.ts";
import { formatDateTime } from "@/lib/format.ts";
import type { Translate, MessageKey } from "@/lib/i18n/translate.ts";

type TCard = { id: string; idTag: string; status: string; expiresAt: Date | null; description: string | null; renter: { id: string; name: string } | null };

export function CardRows({ siteId, cards, renters, t, locale }: { siteId: string; cards: TCard[]; renters: { id: string; name: string }[]; t: Translate; locale: string }) {
  if (!cards.length) return <p className="text-slate-600 text-sm">{t("garage.common.empty")}</p>;
  const w = t("garage.common.working");
  const now = Date.now();
  return (
    <Table head={[t("garage.cards.idTag"), t("garage.cards.renter"), t("garage.common.status"), t("garage.cards.expires"), t("garage.common.actions")]} testId="cards-table">
      {cards.map((c) => {
        const lapsed = c.status === "ACCEPTED" && c.expiresAt && c.expiresAt.getTime() <= now;
        const shown = lapsed ? "EXPIRED" : c.status;
        return (
          <tr key={c.id} data-testid="card-row" data-idtag={c.idTag}>
            <td className={td}><span className="font-mono">{c.idTag}</span>{c.description && <span className="block text-xs text-slate-500">{c.description}</span>}</td>
            <td className={td}>{c.renter ? <Link className="underline" href={`/garage/${siteId}/renters/${c.renter.id}`}>{c.renter.name}</Link> : "—"}</td>
            <td className={td} data-testid="card-status">{t(`garage.cardStatus.${shown}` as MessageKey)}</td>
            <td className={td}>{c.expiresAt ? formatDateTime(c.expiresAt, locale) : t("garage.cards.never")}</td>
            <td className={`${td} flex flex-wrap gap-2 items-start`}>
              <ActionButton disabled={c.status === "BLOCKED"} action={setCardStatusAction} input={{ siteId, cardId: c.id, status: "BLOCKED" }} label={t("garage.cards.block")} workingLabel={w} tone="danger" testId="card-block" />
              <ActionButton disabled={c.status === "ACCEPTED"} action={setCardStatusAction} input={{ siteId, cardId: c.id, status: "ACCEPTED" }} label={t("garage.cards.unblock")} workingLabel={w} testId="card-unblock" />
              <ActionButton disabled={c.status === "EXPIRED"} action={setCardStatusAction} input={{ siteId, cardId: c.id, status: "EXPIRED" }} label={t("garage.cards.expire")} workingLabel={w} testId="card-expire" />
              <ActionForm
                action={reassignCardAction}
                hidden={{ siteId, cardId: c.id }}
                inline
                submitLabel={t("garage.cards.reassign")}
                workingLabel={w}
                fields={[{ name: "renterId", label: t("garage.cards.renter"), type: "select", defaultValue: c.renter?.id, options: renters.map((r) => ({ value: r.id, label: r.name })) }]}
              />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
