// Provider documents (licence, insurance): uploaded by the provider, reviewed
// by an admin. A new upload replaces a pending or rejected one of the same
// kind; an approved one stays valid until its successor is approved, so a
// renewal never unlists a service. When both required kinds are approved, a
// service waiting for review is listed (ACTIVE).
import type { Db } from "../db/client.ts";
import type { DocumentKind } from "../db/generated/enums.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { notify } from "../notifications/notify.ts";
import { DOCUMENT_KINDS } from "./constants.ts";
import { REQUIRED_DOCUMENTS } from "./find-services.ts";
import { ownService, type TActor, type TMeta } from "./services.ts";

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Recognised by the first bytes, not by the name or what the browser says. */
export function sniffDocument(b: Uint8Array): "application/pdf" | "image/jpeg" | "image/png" | null {
  if (b.length >= 5 && String.fromCharCode(...b.slice(0, 5)) === "%PDF-") return "application/pdf";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return "image/png";
  return null;
}

export async function uploadDocument(db: Db, user: TActor, input: { serviceId: string; kind: string; bytes: Uint8Array; name: string }, meta: TMeta) {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(input.kind)) throw new AppError("INVALID_INPUT", "provider.err.docKind");
  if (input.bytes.length === 0) throw new AppError("INVALID_INPUT", "provider.err.docEmpty");
  if (input.bytes.length > MAX_DOCUMENT_BYTES) throw new AppError("INVALID_INPUT", "provider.err.docTooLarge");
  const mimeType = sniffDocument(input.bytes);
  if (!mimeType) throw new AppError("INVALID_INPUT", "provider.err.docType");
  const kind = input.kind as DocumentKind;
  return db.$transaction(async (tx) => {
    const s = await tx.mobileService.findFirst({ where: { id: input.serviceId, ...ownService(user) }, select: { id: true } });
    if (!s) throw notFoundError("This service");
    const replaced = await tx.providerDocument.findMany({ where: { serviceId: s.id, kind, status: { in: ["PENDING", "REJECTED"] } }, select: { id: true, mediaUploadId: true } });
    await tx.providerDocument.deleteMany({ where: { id: { in: replaced.map((d) => d.id) } } });
    await tx.mediaUpload.deleteMany({ where: { id: { in: replaced.map((d) => d.mediaUploadId) } } });
    const name = input.name.replace(/[^\p{L}\p{N}._ -]+/gu, "_").slice(0, 120) || "document";
    const upload = await tx.mediaUpload.create({
      data: { uploadedById: user.id, fileType: "PROVIDER_DOCUMENT", mimeType, originalName: name, fileSize: input.bytes.length, data: Buffer.from(input.bytes) },
      select: { id: true },
    });
    const doc = await tx.providerDocument.create({ data: { serviceId: s.id, kind, mediaUploadId: upload.id } });
    await recordAudit(tx, { actor: user, action: "PROVIDER_DOCUMENT_UPLOADED", entityType: "MobileService", entityId: s.id, after: { documentId: doc.id, kind, name, mimeType, bytes: input.bytes.length, replaced: replaced.map((d) => d.id) }, ...meta });
    return doc;
  });
}

/** The file of a document, for the provider of its service or an admin. */
export async function readDocumentFile(db: Db, user: TActor, documentId: string) {
  const doc = await db.providerDocument.findFirst({
    where: { id: documentId, ...(user.role === "ADMIN" ? {} : { service: ownService(user) }) },
    select: { upload: { select: { data: true, mimeType: true, fileSize: true, originalName: true } } },
  });
  if (!doc?.upload.data) throw notFoundError("This document");
  return doc.upload;
}

export function listDocumentsForReview(db: Db, filter: "PENDING" | "ALL" = "PENDING") {
  return db.providerDocument.findMany({
    where: filter === "PENDING" ? { status: "PENDING" } : {},
    orderBy: { submittedAt: filter === "PENDING" ? "asc" : "desc" },
    take: 200,
    include: {
      upload: { select: { originalName: true, mimeType: true, fileSize: true } },
      reviewedBy: { select: { name: true } },
      service: { select: { id: true, companyName: true, serviceName: true, status: true, isPremium: true, provider: { select: { name: true, email: true } } } },
    },
  });
}

export async function reviewDocument(db: Db, admin: TActor, input: { documentId: string; decision: "APPROVE" | "REJECT"; reason?: string }, meta: TMeta) {
  const reason = input.reason?.trim();
  if (input.decision === "REJECT" && (!reason || reason.length < 3)) throw new AppError("INVALID_INPUT", "provider.err.rejectReason", { reason: ["provider.err.rejectReason"] });
  const result = await db.$transaction(async (tx) => {
    const doc = await tx.providerDocument.findUnique({ where: { id: input.documentId }, include: { service: { select: { id: true, status: true, providerId: true, serviceName: true } } } });
    if (!doc) throw notFoundError("This document");
    const status = input.decision === "APPROVE" ? "APPROVED" : "REJECTED";
    // Conditional: two admins deciding at once cannot both win.
    const done = await tx.providerDocument.updateMany({
      where: { id: doc.id, status: "PENDING" },
      data: { status, rejectionReason: status === "REJECTED" ? reason : null, reviewedById: admin.id, reviewedAt: new Date() },
    });
    if (!done.count) throw new AppError("CONFLICT", "provider.err.alreadyReviewed");
    let serviceStatus = doc.service.status;
    if (status === "APPROVED") {
      // The approved document supersedes older approved ones of its kind.
      const older = await tx.providerDocument.findMany({ where: { serviceId: doc.serviceId, kind: doc.kind, status: "APPROVED", id: { not: doc.id } }, select: { id: true, mediaUploadId: true } });
      await tx.providerDocument.deleteMany({ where: { id: { in: older.map((d) => d.id) } } });
      await tx.mediaUpload.deleteMany({ where: { id: { in: older.map((d) => d.mediaUploadId) } } });
      const approved = await tx.providerDocument.findMany({ where: { serviceId: doc.serviceId, status: "APPROVED" }, select: { kind: true } });
      if (doc.service.status === "PENDING_REVIEW" && REQUIRED_DOCUMENTS.every((k) => approved.some((a) => a.kind === k))) {
        await tx.mobileService.update({ where: { id: doc.serviceId }, data: { status: "ACTIVE" } });
        serviceStatus = "ACTIVE";
      }
    }
    await recordAudit(tx, {
      actor: admin, action: status === "APPROVED" ? "PROVIDER_DOCUMENT_APPROVED" : "PROVIDER_DOCUMENT_REJECTED", entityType: "ProviderDocument", entityId: doc.id,
      before: { status: doc.status, serviceStatus: doc.service.status }, after: { status, reason: reason ?? null, serviceId: doc.serviceId, serviceStatus }, ...meta,
    });
    return { doc, status, serviceStatus, listedNow: serviceStatus === "ACTIVE" && doc.service.status !== "ACTIVE" };
  });
  const kind = { BUSINESS_LICENSE: { en: "business licence", ru: "лицензия" }, INSURANCE: { en: "insurance", ru: "страховка" }, OTHER: { en: "document", ru: "документ" } }[result.doc.kind];
  await notify(db, {
    userId: result.doc.service.providerId, type: "MOBILE", dedupeKey: `provider-doc:${result.doc.id}:${result.status}`,
    title: result.status === "APPROVED"
      ? { en: `Your ${kind.en} was approved`, ru: `Документ одобрен: ${kind.ru}` }
      : { en: `Your ${kind.en} was rejected`, ru: `Документ отклонён: ${kind.ru}` },
    message: result.status === "APPROVED"
      ? (result.listedNow ? { en: `${result.doc.service.serviceName} is now listed.`, ru: `${result.doc.service.serviceName} теперь в каталоге.` } : { en: result.doc.service.serviceName, ru: result.doc.service.serviceName })
      : { en: reason!, ru: reason! },
    data: { serviceId: result.doc.serviceId, documentId: result.doc.id },
  });
  return { status: result.status, serviceStatus: result.serviceStatus };
}

/** Premium listing: providers ask, the platform decides (it is a paid placement), so only admins set it. */
export async function setPremium(db: Db, admin: TActor, input: { serviceId: string; isPremium: boolean }, meta: TMeta) {
  return db.$transaction(async (tx) => {
    const s = await tx.mobileService.findUnique({ where: { id: input.serviceId }, select: { id: true, isPremium: true } });
    if (!s) throw notFoundError("This service");
    const updated = await tx.mobileService.update({ where: { id: s.id }, data: { isPremium: input.isPremium } });
    await recordAudit(tx, { actor: admin, action: "MOBILE_SERVICE_PREMIUM_SET", entityType: "MobileService", entityId: s.id, before: { isPremium: s.isPremium }, after: { isPremium: input.isPremium }, ...meta });
    return updated;
  });
}
