// Station photos: bytes in MediaUpload (every process sees the same files),
// linked by StationMedia. Only JPEG, PNG and WebP, recognised by their first
// bytes rather than by the name or the browser's word.
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { actorOf, ownedBy, type TOwnerUser, type TRequestMeta } from "./context.ts";

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 10;

export function sniffImage(b: Uint8Array): "image/jpeg" | "image/png" | "image/webp" | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return "image/png";
  if (b.length >= 12 && String.fromCharCode(...b.slice(0, 4)) === "RIFF" && String.fromCharCode(...b.slice(8, 12)) === "WEBP") return "image/webp";
  return null;
}

export async function addPhoto(db: Db, user: TOwnerUser, input: { stationId: string; bytes: Uint8Array; name: string; title?: string }, meta: TRequestMeta) {
  if (input.bytes.length === 0) throw new AppError("INVALID_INPUT", "owner.err.photoEmpty");
  if (input.bytes.length > MAX_PHOTO_BYTES) throw new AppError("INVALID_INPUT", "owner.err.photoTooLarge");
  const mimeType = sniffImage(input.bytes);
  if (!mimeType) throw new AppError("INVALID_INPUT", "owner.err.photoType");
  return db.$transaction(async (tx) => {
    const s = await tx.station.findFirst({ where: { id: input.stationId, ...ownedBy(user) }, select: { id: true, _count: { select: { media: true } } } });
    if (!s) throw notFoundError("This station");
    if (s._count.media >= MAX_PHOTOS) throw new AppError("PRECONDITION", "owner.err.photoCount");
    const name = input.name.replace(/[^\p{L}\p{N}._ -]+/gu, "_").slice(0, 120) || "photo";
    const upload = await tx.mediaUpload.create({
      data: { uploadedById: user.id, fileType: "STATION_PHOTO", mimeType, originalName: name, fileSize: input.bytes.length, data: Buffer.from(input.bytes) },
      select: { id: true },
    });
    const media = await tx.stationMedia.create({
      data: { stationId: s.id, mediaUploadId: upload.id, mediaType: "IMAGE", title: input.title?.slice(0, 120) || null, isPrimary: s._count.media === 0 },
      select: { id: true },
    });
    await recordAudit(tx, { actor: actorOf(user), action: "STATION_PHOTO_ADDED", entityType: "Station", entityId: s.id, after: { mediaId: media.id, name, mimeType, bytes: input.bytes.length }, ...meta });
    return media;
  });
}

export async function deletePhoto(db: Db, user: TOwnerUser, input: { stationId: string; mediaId: string }, meta: TRequestMeta) {
  return db.$transaction(async (tx) => {
    const m = await tx.stationMedia.findFirst({
      where: { id: input.mediaId, stationId: input.stationId, station: ownedBy(user) },
      select: { id: true, mediaUploadId: true, isPrimary: true, upload: { select: { originalName: true } } },
    });
    if (!m) throw notFoundError("This photo");
    await tx.stationMedia.delete({ where: { id: m.id } });
    await tx.mediaUpload.delete({ where: { id: m.mediaUploadId } });
    if (m.isPrimary) {
      const next = await tx.stationMedia.findFirst({ where: { stationId: input.stationId }, orderBy: { createdAt: "asc" }, select: { id: true } });
      if (next) await tx.stationMedia.update({ where: { id: next.id }, data: { isPrimary: true } });
    }
    await recordAudit(tx, { actor: actorOf(user), action: "STATION_PHOTO_REMOVED", entityType: "Station", entityId: input.stationId, before: { mediaId: m.id, name: m.upload.originalName }, ...meta });
  });
}

export async function readPhoto(db: Db, user: TOwnerUser, input: { stationId: string; mediaId: string }) {
  const m = await db.stationMedia.findFirst({
    where: { id: input.mediaId, stationId: input.stationId, station: ownedBy(user) },
    select: { upload: { select: { data: true, mimeType: true, fileSize: true } } },
  });
  if (!m?.upload.data) throw notFoundError("This photo");
  return m.upload;
}
