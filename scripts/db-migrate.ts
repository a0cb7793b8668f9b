// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the
// embedded database in .data/ when DATABASE_URL is unset.
import { migrate } from "../lib/db/migrate.ts";
import { withDatabase } from "./lib/database.ts";

await withDatabase(async (url) => {
  const r = await migrate(url, { log: (l) => console.log(l) });
  console.log(r.applied.length ? `Applied ${r.applied.length} migration(s).` : `Database is up to date (${r.alreadyApplied} migrations).`);
});
