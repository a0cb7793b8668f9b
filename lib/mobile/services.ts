// A provider's own services: create, edit, pause/resume. Authorisation is in
// each query (another provider's service is "not found"). A new service waits
// for review (PENDING_REVIEW) until an admin approves its licence and
// insurance (lib/mobile/documents.ts); editing a listed service does not
// send it back to review, since the documents are about the company.
import type { Db } from "../db/client.ts";
import type { UserRole } from "../db/generated/enums.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { REQUIRED_DOCUMENTS } from "./find-services.ts";
import { serviceColumns, type TServiceForm } from "./service-schema.ts";

export type TActor = { id: string; role: UserRole };
export type TMeta = { ip?: string | null; userAgent?: string | null };

export const ownService = (user: TActor) => ({ providerId: user.id });

export function listOwnServices(db: Db, user: TActor) {
  return db.mobileService.findMany({
    where: ownService(user),
    orderBy: [{ createdAt: "asc" }],
    include: { documents: { select: { kind: true, status: true } }, _count: { select: { requests: { where: { status: "PENDING" } } } } },
  });
}

export async function getOwnService(db: Db, user: TActor, id: string) {
  const s = await db.mobileService.findFirst({
    where: { id, ...ownService(user) },
    include: { documents: { orderBy: { submittedAt: "desc" }, include: { upload: { select: { originalName: true, mimeType: true, fileSize: true } } } } },
  });
  if (!s) throw notFoundError("This service");
  return s;
}

export async function createService(db: Db, user: TActor, form: TServiceForm, meta: TMeta) {
  return db.$transaction(async (tx) => {
    const s = await tx.mobileService.create({ data: { ...serviceColumns(form), providerId: user.id, status: "PENDING_REVIEW" } });
    await recordAudit(tx, { actor: user, action: "MOBILE_SERVICE_CREATED", entityType: "MobileService", entityId: s.id, after: serviceColumns(form), ...meta });
    return s;
  });
}

export async function updateService(db: Db, user: TActor, id: string, form: TServiceForm, meta: TMeta) {
  return db.$transaction(async (tx) => {
    const before = await tx.mobileService.findFirst({ where: { id, ...ownService(user) } });
    if (!before) throw notFoundError("This service");
    const s = await tx.mobileService.update({ where: { id }, data: serviceColumns(form) });
    await recordAudit(tx, { actor: user, action: "MOBILE_SERVICE_UPDATED", entityType: "MobileService", entityId: id, before, after: serviceColumns(form), ...meta });
    return s;
  });
}

/** The provider pauses (INACTIVE) or resumes (ACTIVE) a reviewed service. Review and suspension are the admin's. */
export async function setServiceListed(db: Db, user: TActor, id: string, listed: boolean, meta: TMeta) {
  return db.$transaction(async (tx) => {
    const s = await tx.mobileService.findFirst({ where: { id, ...ownService(user) }, include: { documents: { where: { status: "APPROVED" }, select: { kind: true } } } });
    if (!s) throw notFoundError("This service");
    if (s.status === "SUSPENDED") throw new AppError("PRECONDITION", "provider.err.suspended");
    if (s.status === "PENDING_REVIEW") throw new AppError("PRECONDITION", "provider.err.inReview");
    if (listed && !REQUIRED_DOCUMENTS.every((k) => s.documents.some((d) => d.kind === k))) throw new AppError("PRECONDITION", "provider.err.documentsMissing");
    const status = listed ? "ACTIVE" : "INACTIVE";
    if (s.status === status) return s;
    const updated = await tx.mobileService.update({ where: { id }, data: { status } });
    await recordAudit(tx, { actor: user, action: listed ? "MOBILE_SERVICE_RESUMED" : "MOBILE_SERVICE_PAUSED", entityType: "MobileService", entityId: id, before: { status: s.status }, after: { status }, ...meta });
    return updated;
  });
}
