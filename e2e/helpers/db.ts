// Direct database access for setting up test data (the e2e stack's database).
import { createDb, type Db } from "../../lib/db/client.ts";

let instance: Db | undefined;
export function testDb(): Db {
  instance ??= createDb(process.env.DATABASE_URL!, 3);
  return instance;
}

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;
