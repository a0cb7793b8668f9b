// After sign-in the browser goes to the page it came from, and only to a
// page of this site: paths a browser would read as another host are refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { localPath } from "../../lib/auth/local-path.ts";

test("only same-site paths pass; look-alikes that browsers resolve to another host do not", () => {
  for (const ok of ["/account", "/garage/123/renters?q=a%20b#top", "/stations/1?connector=2"]) assert.equal(localPath(ok), ok);
  for (const bad of ["//evil.example", "/\\evil.example", "/\\/evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example/", "evil.example", "", null, undefined, `/${"a".repeat(2001)}`]) {
    assert.equal(localPath(bad), undefined, JSON.stringify(bad));
    // What the old prefix check let through really does leave the site:
    if (typeof bad === "string" && bad.startsWith("/") && !bad.startsWith("//") && bad.length < 100) {
      assert.notEqual(new URL(bad, "http://chargeway.test").host, "chargeway.test", `${JSON.stringify(bad)} is a real escape`);
    }
  }
  // Percent-encoded backslashes stay a path on this site.
  assert.equal(localPath("/%5Cevil.example"), "/%5Cevil.example");
});
