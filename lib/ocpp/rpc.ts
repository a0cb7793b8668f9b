// ocpp-rpc is CommonJS and Node's ESM loader cannot see its named exports;
// its bundled typings are also too narrow for strict options. Loosely typed here, once.
import ocppRpc from "ocpp-rpc";

const lib = ocppRpc as any;
export type TRPCError = Error & { rpcErrorCode: string; details?: unknown };
export const RPCClient: new (options: Record<string, unknown>) => any = lib.RPCClient;
export const RPCServer: new (options: Record<string, unknown>) => any = lib.RPCServer;
export const createRPCError: (type: string, message?: string, details?: object) => TRPCError = lib.createRPCError;
export const RPCError: new (message?: string) => TRPCError = lib.RPCError;
export const TimeoutError: new (message?: string) => Error = lib.TimeoutError;
