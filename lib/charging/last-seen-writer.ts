// Heartbeats by group commit: one UPDATE for every heartbeat that arrived
// while the previous one was being written.
import type { Db } from "../db/client.ts";
import { GroupCommit } from "./group-commit.ts";
import { hotQuery, pgArray } from "./hot-sql.ts";

type Item = { stationId: string; at: Date };

export class LastSeenWriter {
  private readonly committer: GroupCommit<Item, void>;

  constructor(private readonly db: Db) {
    this.committer = new GroupCommit((items) => this.write(items), { maxBatch: 1000, concurrency: 2, lingerMs: 5 });
  }

  /** Resolves once the heartbeat time is committed. */
  touch(stationId: string, at: Date): Promise<void> {
    return this.committer.submit({ stationId, at });
  }

  private async write(items: Item[]): Promise<void[]> {
    const latest = new Map<string, Date>();
    for (const { stationId, at } of items) if ((latest.get(stationId) ?? 0) < at) latest.set(stationId, at);
    const ids = [...latest.keys()];
    await hotQuery(
      this.db,
      `UPDATE stations s SET last_heartbeat_at = GREATEST(s.last_heartbeat_at, v.at)
         FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at) WHERE s.id = v.id`,
      [pgArray(ids), pgArray(ids.map((id) => latest.get(id)!.toISOString()))],
    );
    return items.map(() => undefined);
  }

  drain(): Promise<void> {
    return this.committer.drain();
  }
}
