// Runs `prisma generate` offline. The Prisma CLI insists on locating its schema
// engine binary before generating even though generate never uses it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any executable stops the (failing) download.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma")) process.exit(0);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const r = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
