// A realistic OCPP 1.6 configuration key set (Core, Local Auth List, Smart
// Charging, Reservation profiles), with the keys real chargers report read-only.
export type TConfigKey = { value: string; readonly: boolean };

export function defaultConfiguration(opts: { connectors: number; heartbeatIntervalSec: number; meterIntervalSec: number }): Map<string, TConfigKey> {
  const rw = (value: string | number | boolean): TConfigKey => ({ value: String(value), readonly: false });
  const ro = (value: string | number | boolean): TConfigKey => ({ value: String(value), readonly: true });
  return new Map<string, TConfigKey>([
    ["AllowOfflineTxForUnknownId", rw(false)],
    ["AuthorizationCacheEnabled", rw(true)],
    ["AuthorizeRemoteTxRequests", rw(false)],
    ["ClockAlignedDataInterval", rw(0)],
    ["ConnectionTimeOut", rw(60)],
    ["ConnectorPhaseRotation", rw("0.RST")],
    ["GetConfigurationMaxKeys", ro(50)],
    ["HeartbeatInterval", rw(opts.heartbeatIntervalSec)],
    ["LocalAuthorizeOffline", rw(true)],
    ["LocalPreAuthorize", rw(false)],
    ["MeterValuesAlignedData", rw("Energy.Active.Import.Register")],
    ["MeterValuesSampledData", rw("Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC")],
    ["MeterValueSampleInterval", rw(opts.meterIntervalSec)],
    ["NumberOfConnectors", ro(opts.connectors)],
    ["ResetRetries", rw(3)],
    ["StopTransactionOnEVSideDisconnect", rw(true)],
    ["StopTransactionOnInvalidId", rw(true)],
    ["StopTxnAlignedData", rw("")],
    ["StopTxnSampledData", rw("Energy.Active.Import.Register")],
    ["SupportedFeatureProfiles", ro("Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger")],
    ["TransactionMessageAttempts", rw(3)],
    ["TransactionMessageRetryInterval", rw(60)],
    ["UnlockConnectorOnEVSideDisconnect", rw(true)],
    ["WebSocketPingInterval", rw(30)],
    ["LocalAuthListEnabled", rw(true)],
    ["LocalAuthListMaxLength", ro(1000)],
    ["SendLocalListMaxLength", ro(100)],
    ["ReserveConnectorZeroSupported", ro(false)],
    ["ChargeProfileMaxStackLevel", ro(8)],
    ["ChargingScheduleAllowedChargingRateUnit", ro("Current,Power")],
    ["ChargingScheduleMaxPeriods", ro(24)],
    ["MaxChargingProfilesInstalled", ro(10)],
  ]);
}
