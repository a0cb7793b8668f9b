// The OpenAPI document describes exactly the routes served under app/api/v1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "../../lib/api/openapi.ts";

const ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function servedRoutes(dir = ROOT): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...servedRoutes(full));
    else if (entry.name === "route.ts") {
      const url = "/" + path.relative(ROOT, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");
      const source = readFileSync(full, "utf8");
      for (const m of METHODS) if (new RegExp(`export (async )?function ${m}\\b`).test(source)) out.push(`${m} ${url}`);
    }
  }
  return out;
}

test("every served route and method is in openapi.json, and nothing else", () => {
  const doc = openApiDocument() as { paths: Record<string, Record<string, any>> };
  const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
  const served = servedRoutes();
  assert.ok(served.length >= 15, `found ${served.length} routes`);
  assert.deepEqual(documented.sort(), served.sort());
});

test("each operation documents its path parameters, responses and (for writes) a request body", () => {
  const doc = openApiDocument() as { paths: Record<string, Record<string, any>>; components: any };
  for (const [p, ops] of Object.entries(doc.paths)) {
    const names = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? []).filter((x: any) => x.in === "path").map((x: any) => x.name);
      assert.deepEqual(params.sort(), [...names].sort(), `${method} ${p} path parameters`);
      assert.ok(Object.keys(op.responses).some((c) => c.startsWith("2")), `${method} ${p} has a success response`);
      if (["post", "put", "patch"].includes(method)) assert.ok(op.requestBody?.content?.["application/json"]?.schema?.properties, `${method} ${p} body schema`);
      if (p !== "/openapi.json") assert.ok(op.responses["401"], `${method} ${p} documents 401`);
    }
  }
  assert.deepEqual(doc.components.securitySchemes.bearer.scheme, "bearer");
  const refs = JSON.stringify(doc).match(/#\/components\/schemas\/(\w+)/g) ?? [];
  for (const r of refs) assert.ok(doc.components.schemas[r.split("/").pop()!], `${r} is defined`);
});
