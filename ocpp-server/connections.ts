// The sockets this instance holds, by charger identity and by station id.
// A charger that reconnects while its old socket still looks alive gets the
// new one; the old is closed (and its close must not mark the charger offline).
export type TConnection = {
  identity: string;
  stationId: string;
  ipAddress?: string;
  client: any; // ocpp-rpc RPCServerClient (the library ships no useful types for it)
  /** Resolves to the time markConnected stored, once it has. */
  connected: Promise<Date>;
  replaced: boolean;
};

export class ConnectionRegistry {
  private byIdentity = new Map<string, TConnection>();
  private byStation = new Map<string, TConnection>();

  /** Adds the connection; returns the one it replaces, if any. */
  add(conn: TConnection): TConnection | undefined {
    const old = this.byIdentity.get(conn.identity);
    this.byIdentity.set(conn.identity, conn);
    this.byStation.set(conn.stationId, conn);
    if (old) old.replaced = true;
    return old;
  }

  /** Removes the connection if it is still the current one for its charger. */
  remove(conn: TConnection): boolean {
    if (this.byIdentity.get(conn.identity) !== conn) return false;
    this.byIdentity.delete(conn.identity);
    if (this.byStation.get(conn.stationId) === conn) this.byStation.delete(conn.stationId);
    return true;
  }

  forStation(stationId: string): TConnection | undefined {
    return this.byStation.get(stationId);
  }

  forIdentity(identity: string): TConnection | undefined {
    return this.byIdentity.get(identity);
  }

  get size(): number {
    return this.byIdentity.size;
  }

  all(): TConnection[] {
    return [...this.byIdentity.values()];
  }
}
