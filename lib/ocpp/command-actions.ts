// The OCPP 1.6 commands the web app may send to a charger.
export const COMMAND_ACTIONS = [
  "RemoteStartTransaction",
  "RemoteStopTransaction",
  "Reset",
  "UnlockConnector",
  "ChangeAvailability",
  "GetConfiguration",
  "ChangeConfiguration",
  "ClearCache",
  "TriggerMessage",
  "ReserveNow",
  "CancelReservation",
  "SendLocalList",
  "GetLocalListVersion",
  "SetChargingProfile",
  "ClearChargingProfile",
  "GetCompositeSchedule",
  "UpdateFirmware",
  "GetDiagnostics",
  "DataTransfer",
] as const;

export type TCommandAction = (typeof COMMAND_ACTIONS)[number];

export const COMMANDS_CHANNEL = "ocpp_commands";
export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;
