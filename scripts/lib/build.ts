// Builds the Next.js app when its sources changed since the last build (a
// hash of the source tree is kept beside the build), printing progress.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const DIST = process.env.NEXT_DIST_DIR || ".next";
const HASH_FILE = `${DIST}/chargeway-source-hash`;

function walk(p: string, out: string[]) {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) for (const e of readdirSync(p).sort()) walk(path.join(p, e), out);
  else out.push(p);
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const s of SOURCES) walk(s, files);
  const h = createHash("sha256");
  for (const f of files) h.update(f).update(readFileSync(f));
  return h.digest("hex");
}

export function buildIsCurrent(): boolean {
  return existsSync(`${DIST}/BUILD_ID`) && existsSync(HASH_FILE) && readFileSync(HASH_FILE, "utf8") === sourceHash();
}

export async function buildIfStale(log: (l: string) => void): Promise<void> {
  if (buildIsCurrent()) {
    log("web app build is up to date");
    return;
  }
  const hash = sourceHash();
  log("building the web app (first start or changed sources; this takes a minute or two)…");
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split("\n")) {
        // Progress lines only; the full output is printed if the build fails.
        if (/Compil|Creating|Generating|Collecting|Finaliz|✓|Route \(app\)/.test(line)) log(`  build: ${line.trim()}`);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else {
        process.stderr.write(output);
        reject(new Error(`next build failed (exit ${code})`));
      }
    });
  });
  writeFileSync(HASH_FILE, hash);
  log(`web app built in ${Math.round((Date.now() - started) / 1000)} s`);
}
