// What happened to one record of a feed; the sync report is a list of these.
export type RecordAction = "ok" | "corrected" | "rejected" | "removed";

export type RecordOutcome = {
  /** The OCPI id of the record (tariffs are prefixed "tariff:"). */
  id: string;
  action: RecordAction;
  reasons: string[];
};
