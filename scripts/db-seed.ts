// npm run db:seed — loads demo data into DATABASE_URL if it has no users yet.
import { createDb } from "../lib/db/client.ts";
import { seedDemo } from "../lib/seed/seed-demo.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (npm start seeds the embedded database by itself.)");
  process.exit(2);
}
const db = createDb(url, 2);
const r = await seedDemo(db);
console.log(r.seeded ? "Demo data loaded." : `Demo data not loaded: ${r.reason}.`);
await db.$disconnect();
