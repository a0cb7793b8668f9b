// node --import tsx scripts/create-api-key.ts <name> [--by <admin e-mail>]
// Creates an integrator API key and prints it once (only its hash is stored).
// Uses DATABASE_URL, or the embedded database when it is unset (stop `npm start` first then).
import { createApiKey } from "../lib/api/api-keys.ts";
import { createDb } from "../lib/db/client.ts";
import { withDatabase } from "./lib/database.ts";

const args = process.argv.slice(2);
const byIdx = args.indexOf("--by");
const by = byIdx >= 0 ? args[byIdx + 1] : undefined;
const rest = byIdx >= 0 ? [...args.slice(0, byIdx), ...args.slice(byIdx + 2)] : args;
const name = rest.join(" ").trim();
if (!name || (byIdx >= 0 && !by)) {
  console.error("Usage: node --import tsx scripts/create-api-key.ts <name> [--by <admin e-mail>]");
  process.exit(2);
}

await withDatabase(async (url) => {
  const db = createDb(url, 1);
  try {
    let createdById: string | undefined;
    if (by) {
      const admin = await db.user.findUnique({ where: { email: by.toLowerCase() }, select: { id: true, role: true } });
      if (!admin || admin.role !== "ADMIN") throw new Error(`No admin with e-mail ${by}`);
      createdById = admin.id;
    }
    const key = await createApiKey(db, { name, createdById });
    console.error(`Created API key "${key.name}" (id ${key.id}, prefix ${key.prefix}). It is shown only now:`);
    console.log(key.key);
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
});
