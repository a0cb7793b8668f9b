// Strings for the operator forms and sync reports, passed to client components.
import type { Translate } from "@/lib/i18n/translate.ts";

export function reportMessages(t: Translate): Record<string, string> {
  return {
    succeeded: t("admin.sync.succeeded"), failed: t("admin.sync.failed"),
    created: t("admin.sync.created"), updated: t("admin.sync.updated"), unchanged: t("admin.sync.unchanged"),
    removed: t("admin.sync.removed"), corrected: t("admin.sync.corrected"), rejected: t("admin.sync.rejected"),
    record: t("admin.sync.record"), outcome: t("admin.sync.outcome"), reasons: t("admin.sync.reasons"),
    action_ok: t("admin.sync.note"), action_corrected: t("admin.sync.corrected"), action_rejected: t("admin.sync.rejected"), action_removed: t("admin.sync.removed"),
    okCount: t("admin.sync.okCount"),
    file: t("admin.import.file"), kind: t("admin.import.kind"), kindLocations: t("admin.import.kindLocations"), kindTariffs: t("admin.import.kindTariffs"),
    mode: t("admin.import.mode"), modeIncremental: t("admin.import.modeIncremental"), modeFull: t("admin.import.modeFull"),
    import: t("admin.import.submit"), importing: t("admin.import.working"), chooseFile: t("admin.import.chooseFile"), tooLarge: t("admin.import.tooLarge"),
    failedRequest: t("admin.common.failedRequest"), syncNow: t("admin.sync.now"), syncFull: t("admin.sync.full"), syncing: t("admin.sync.working"),
  };
}

export function operatorFormMessages(t: Translate): Record<string, string> {
  return {
    name: t("admin.operators.name"), supportPhone: t("admin.operators.supportPhone"), apiBaseUrl: t("admin.operators.apiBaseUrl"),
    ocpiVersion: t("admin.operators.ocpiVersion"), locationsPath: t("admin.operators.locationsPath"), tariffsPath: t("admin.operators.tariffsPath"),
    pageLimit: t("admin.operators.pageLimit"), syncIntervalMinutes: t("admin.operators.syncInterval"), countryCode: t("admin.operators.countryCode"),
    partyId: t("admin.operators.partyId"), website: t("admin.operators.website"), isActive: t("admin.operators.isActive"),
    credentials: t("admin.operators.credentials"), credentialsSet: t("admin.operators.credentialsSet"), credentialsNotSet: t("admin.operators.credentialsNotSet"),
    apiToken: t("admin.operators.apiToken"), replaceToken: t("admin.operators.replaceToken"), clearCredentials: t("admin.operators.clearCredentials"),
    save: t("common.save"), create: t("admin.operators.create"), working: t("admin.common.working"), saved: t("admin.common.saved"),
  };
}
