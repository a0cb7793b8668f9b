// OCPP 1.6 has no RpcFrameworkError or MessageTypeNotSupported (those are
// 2.0.1 codes ocpp-rpc uses for frames it cannot parse); a 1.6 charger expects
// FormationViolation for a frame that is not a proper CALL.
const NOT_IN_16 = new Set(["RpcFrameworkError", "MessageTypeNotSupported"]);

export function use16ErrorCodes(client: { sendRaw(message: string): void }): void {
  const original = client.sendRaw.bind(client);
  client.sendRaw = (message: string) => {
    if (typeof message === "string" && message.startsWith("[4,")) {
      try {
        const frame = JSON.parse(message);
        if (NOT_IN_16.has(frame[2])) {
          frame[2] = "FormationViolation";
          return original(JSON.stringify(frame));
        }
      } catch {
        // not ours to fix
      }
    }
    return original(message);
  };
}
