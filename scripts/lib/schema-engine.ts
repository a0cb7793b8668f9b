// Prisma's schema engine, compiled to WASM, driving PGlite as the shadow
// database. This is how migrations are written on machines where the Prisma
// CLI cannot download its native engine (see README "Migrations").
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

export async function loadSchemaEngine(schemaPath: string) {
  // The package's exports map hides the wasm pieces; load them by file path.
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bg = await import(path.join(dir, "schema_engine_bg.js"));
  const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();

  const pglite = new PGlite({ extensions: { btree_gist } });
  const factory = bindMigrationAwareSqlAdapterFactory(new ShadowWithExtensions(pglite));
  const logs: string[] = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] },
    (msg: string) => logs.push(msg),
    factory,
  );
  return { engine, pglite, logs };
}

/** The stock adapter makes a bare shadow database; ours needs btree_gist. */
class ShadowWithExtensions extends PrismaPGlite {
  connectToShadowDb() {
    return new PrismaPGlite(new PGlite({ dataDir: "memory://shadow", extensions: { btree_gist } })).connect();
  }
}

/** Runs every migration on a scratch PGlite so a broken file fails loudly here. */
export async function checkMigrationsApply(migrationsDir: string) {
  const db = new PGlite({ extensions: { btree_gist } });
  try {
    for (const m of migrationList(migrationsDir).migrationDirectories) {
      if (m.migrationFile.content.tag !== "ok") throw new Error(`${m.path}: ${m.migrationFile.content.value}`);
      try {
        await db.exec(m.migrationFile.content.value);
      } catch (err) {
        throw new Error(`migration ${m.path} does not apply: ${(err as Error).message}`);
      }
    }
  } finally {
    await db.close();
  }
}

export function migrationList(migrationsDir: string) {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: path.resolve(migrationsDir),
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    // The shadow database needs the same extensions the migrations create.
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: "missing migration.sql" },
        },
      };
    }),
  };
}
