// One JSON line per event on stderr/stdout; quiet in tests unless OCPP_LOG is set.
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type TLogger = Record<Level, (msg: string, fields?: Record<string, unknown>) => void>;

export function createLogger(service: string, level: Level = (process.env.OCPP_LOG as Level) ?? (process.env.LOG_LEVEL as Level) ?? "info"): TLogger {
  const min = order[level] ?? 20;
  const write = (lvl: Level) => (msg: string, fields?: Record<string, unknown>) => {
    if (order[lvl] < min) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level: lvl, service, msg, ...fields });
    (lvl === "error" || lvl === "warn" ? process.stderr : process.stdout).write(line + "\n");
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
