// A driver reports a problem with a station (seed 003 StationIssue): type,
// description and an optional photo, stored as a MediaUpload. The admin's
// issue queue (lib/admin/issues.ts) picks it up as REPORTED.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { IssueType, type IssuePriority } from "../db/generated/enums.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { PUBLIC_STATION } from "../stations/visibility.ts";

export const ISSUE_TYPES = Object.values(IssueType) as [IssueType, ...IssueType[]];
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export const ZReportIssue = z.object({
  stationId: z.uuid({ error: "Unknown station." }),
  type: z.enum(ISSUE_TYPES, { error: "Choose what kind of problem it is." }),
  description: z
    .string({ error: "Describe the problem." })
    .trim()
    .min(10, "Describe the problem in at least 10 characters.")
    .max(2000, "The description is at most 2000 characters."),
});

export type TPhoto = { name: string; mimeType: string; bytes: Uint8Array };

// A station that cannot charge at all needs someone sooner than a dirty one.
const PRIORITY: Partial<Record<IssueType, IssuePriority>> = { OFFLINE: "HIGH", DAMAGED: "HIGH", CONNECTOR_ERROR: "HIGH", DIRTY: "LOW", AMENITY_ISSUE: "LOW" };

function checkPhoto(photo: TPhoto) {
  if (!(PHOTO_TYPES as readonly string[]).includes(photo.mimeType)) {
    throw new AppError("INVALID_INPUT", "The photo must be a JPEG, PNG or WebP image.", { photo: ["Use a JPEG, PNG or WebP image."] });
  }
  if (photo.bytes.byteLength > MAX_PHOTO_BYTES) {
    throw new AppError("INVALID_INPUT", "The photo is larger than 5 MB.", { photo: ["At most 5 MB."] });
  }
  if (photo.bytes.byteLength === 0) throw new AppError("INVALID_INPUT", "The photo file is empty.", { photo: ["The file is empty."] });
}

export async function reportIssue(db: Db, userId: string, raw: unknown, photo?: TPhoto) {
  const input = ZReportIssue.parse(raw);
  if (photo) checkPhoto(photo);
  const station = await db.station.findFirst({ where: { id: input.stationId, ...PUBLIC_STATION }, select: { id: true } });
  if (!station) throw notFoundError("This station");
  return db.$transaction(async (tx) => {
    const upload = photo
      ? await tx.mediaUpload.create({
          data: {
            uploadedById: userId, fileType: "issue-photo", mimeType: photo.mimeType,
            originalName: photo.name.slice(0, 200) || "photo", fileSize: photo.bytes.byteLength, data: Buffer.from(photo.bytes),
          },
          select: { id: true },
        })
      : null;
    return tx.stationIssue.create({
      data: {
        stationId: input.stationId, reportedById: userId, type: input.type, description: input.description,
        priority: PRIORITY[input.type] ?? "MEDIUM", status: "REPORTED",
        images: upload ? [{ mediaUploadId: upload.id, mimeType: photo!.mimeType }] : undefined,
      },
      select: { id: true, status: true, priority: true, images: true },
    });
  });
}
