// ocpp-rpc 2.2 makes an AbortController and reads its AbortSignal for every
// call a charger sends, to hand the handler a `signal` that fires if the
// charger disconnects. Node 20 puts each AbortSignal (~0.7 KB) straight into
// V8's old generation: measured alone, 5,000 signals/s add 3.6 MB/s of old
// space, and on a loaded server they were over a third of what fills it
// between major GCs, whose marking stalls every charger on the process.
// Our handlers never read `signal`. This gives ocpp-rpc's server-side clients
// the library's own _onCall (2.2.1, copied as is) with one change: the
// controller is made only when a handler reads `signal` or the call is
// aborted. It applies only to the version it was copied from; for any other
// the library's method stays (and the test in tests/ocpp says so).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export const LAZY_SIGNAL_FOR_VERSION = "2.2.1";

const MSG_CALLRESULT = 3;
const MSG_CALLERROR = 4;
const WS_OPEN = 1;

/** What a handler receives; `signal` is made on first read. */
class CallArgs {
  #controller?: AbortController;
  constructor(
    readonly messageId: string,
    readonly method: string,
    readonly params: unknown,
    readonly reply: (val: unknown) => void,
  ) {}
  get controller(): AbortController {
    return (this.#controller ??= new AbortController());
  }
  get signal(): AbortSignal {
    return this.controller.signal;
  }
}

/** Installs the lazy-signal _onCall on ocpp-rpc's RPCServerClient. Returns false (and changes nothing) for another ocpp-rpc version. */
export function installLazyCallSignal(): boolean {
  const version: string = require("ocpp-rpc/package.json").version;
  if (version !== LAZY_SIGNAL_FOR_VERSION) return false;
  const RPCServerClient = require("ocpp-rpc/lib/server-client.js");
  const { NOREPLY } = require("ocpp-rpc/lib/symbols.js");
  const { getErrorPlainObject, createRPCError } = require("ocpp-rpc/lib/util.js");
  if (RPCServerClient.prototype._onCall?.lazySignal) return true;

  // From ocpp-rpc 2.2.1 lib/client.js, RPCClient#_onCall; only `args` differs.
  async function _onCall(this: any, msgId: string, method: string, params: unknown) {
    // NOTE: This method must not throw or else it risks sending 2 replies
    try {
      let payload;
      if (this._state !== WS_OPEN) {
        throw Error("Call received while client state not OPEN");
      }
      try {
        if (this._pendingResponses.has(msgId)) {
          throw createRPCError("RpcFrameworkError", `Already processing a call with message ID: ${msgId}`, {});
        }
        let handler = this._handlers.get(method);
        if (!handler) {
          handler = this._wildcardHandler;
        }
        if (!handler) {
          throw createRPCError("NotImplemented", `Unable to handle '${method}' calls`, {});
        }
        if (this._strictProtocols.includes(this._protocol)) {
          const validator = this._strictValidators.get(this._protocol);
          try {
            validator.validate(`urn:${method}.req`, params);
          } catch (error) {
            this.emit("strictValidationFailure", { messageId: msgId, method, params, result: null, error, outbound: false, isCall: true });
            throw error;
          }
        }

        let args!: CallArgs;
        const callPromise = new Promise((resolve, reject) => {
          function reply(val: unknown) {
            if (val instanceof Error) reject(val);
            else resolve(val);
          }
          args = new CallArgs(msgId, method, params, reply);
          (async () => {
            try {
              reply(await handler(args));
            } catch (err) {
              reply(err);
            }
          })();
        });
        const pending = { abort: (reason?: unknown) => args.controller.abort(reason), promise: callPromise };
        this._pendingResponses.set(msgId, pending);
        const result = await callPromise;

        this.emit("callResult", { outbound: false, messageId: msgId, method, params, result });
        if (result === NOREPLY) {
          return; // don't send a reply
        }
        payload = [MSG_CALLRESULT, msgId, result];
        if (this._strictProtocols.includes(this._protocol)) {
          const validator = this._strictValidators.get(this._protocol);
          try {
            validator.validate(`urn:${method}.conf`, result);
          } catch (error) {
            this.emit("strictValidationFailure", { messageId: msgId, method, params, result, error, outbound: true, isCall: false });
            throw createRPCError("InternalError");
          }
        }
      } catch (err: any) {
        // catch here to prevent this error from being considered a 'badMessage'.
        const details = err.details || (this._options.respondWithDetailedErrors ? getErrorPlainObject(err) : {});
        let rpcErrorCode = err.rpcErrorCode || "GenericError";
        if (this.protocol === "ocpp1.6") {
          // Workaround for some mistakes in the spec in OCPP1.6J
          // (clarified in section 5 of OCPP1.6J errata v1.0)
          switch (rpcErrorCode) {
            case "FormatViolation":
              rpcErrorCode = "FormationViolation";
              break;
            case "OccurenceConstraintViolation":
              rpcErrorCode = "OccurrenceConstraintViolation";
              break;
          }
        }
        payload = [MSG_CALLERROR, msgId, rpcErrorCode, err.message || err.rpcErrorMessage || "", details ?? {}];
        this.emit("callError", { outbound: false, messageId: msgId, method, params, error: err });
      } finally {
        this._pendingResponses.delete(msgId);
      }
      this.emit("response", { outbound: true, payload });
      this.sendRaw(JSON.stringify(payload));
    } catch {
      this.close({ code: 1000, reason: "Unable to send call result" });
    }
  }
  (_onCall as unknown as { lazySignal: boolean }).lazySignal = true;
  RPCServerClient.prototype._onCall = _onCall;
  return true;
}
