// ocpp-rpc is CommonJS; Node's ESM loader cannot see its named exports.
import ocppRpc from "ocpp-rpc";

export const { RPCServer, RPCClient, createRPCError, RPCError, TimeoutError } = ocppRpc as unknown as typeof import("ocpp-rpc");
export type TRPCClient = InstanceType<typeof RPCClient>;
