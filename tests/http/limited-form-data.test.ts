// Upload size caps that a chunked body (no Content-Length) cannot get around.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BodyTooLargeError, limitedFormData, readLimitedBody } from "../../lib/http/limited-form-data.ts";

/** A body streamed in chunks, as with Transfer-Encoding: chunked; counts what was pulled. */
function chunked(chunks: number, chunkBytes: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(65));
    },
  });
  return { stream, pulled: () => pulled };
}

test("a streamed body over the cap is refused without reading it all", async () => {
  const body = chunked(1000, 64 * 1024); // 64 MB offered
  const req = new Request("http://x/upload", { method: "POST", body: body.stream, duplex: "half" } as RequestInit);
  assert.equal(req.headers.get("content-length"), null);
  await assert.rejects(readLimitedBody(req, 1024 * 1024), BodyTooLargeError);
  assert.ok(body.pulled() <= 18, `read ${body.pulled()} chunks of 64 KB for a 1 MB cap`);
});

test("a declared length over the cap is refused before reading", async () => {
  const req = new Request("http://x/upload", { method: "POST", body: "small", headers: { "content-length": "99999999" } });
  await assert.rejects(readLimitedBody(req, 1000), BodyTooLargeError);
});

test("a multipart form within the cap parses as req.formData() would", async () => {
  const form = new FormData();
  form.set("kind", "INSURANCE");
  form.set("file", new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], "photo.jpg", { type: "image/jpeg" }));
  const req = new Request("http://x/upload", { method: "POST", body: form });
  const parsed = await limitedFormData(req, 10_000);
  assert.equal(parsed.get("kind"), "INSURANCE");
  const file = parsed.get("file") as File;
  assert.equal(file.name, "photo.jpg");
  assert.deepEqual([...new Uint8Array(await file.arrayBuffer())], [0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
});
