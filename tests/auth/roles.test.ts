import { test } from "node:test";
import assert from "node:assert/strict";
import { can, ROLE_HOME } from "../../lib/auth/roles.ts";
import { siteScope } from "../../lib/garage/site-scope.ts";

test("each role has its own home and only its own permissions", () => {
  assert.equal(new Set(Object.values(ROLE_HOME)).size, 5);
  assert.equal(can("DRIVER", "platform:admin"), false);
  assert.equal(can("DRIVER", "garage:manage"), false);
  assert.equal(can("OWNER", "garage:manage"), false);
  assert.equal(can("GARAGE_ADMIN", "garage:manage"), true);
  assert.equal(can("MOBILE_PROVIDER", "owner:manage"), false);
  assert.equal(can("ADMIN", "garage:manage"), true);
});

test("garage scope: admins of a garage see theirs, platform admins all, others none", () => {
  assert.deepEqual(siteScope({ id: "u1", role: "GARAGE_ADMIN" }), { admins: { some: { userId: "u1" } } });
  assert.deepEqual(siteScope({ id: "u1", role: "ADMIN" }), {});
  assert.deepEqual(siteScope({ id: "u1", role: "DRIVER" }), { id: { in: [] } });
});
