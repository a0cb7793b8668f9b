// Multipart bodies read with a byte cap that does not trust Content-Length:
// a chunked request (no length header) or a lying header would otherwise be
// buffered whole by req.formData() before any size check could run.

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes`);
  }
}

/** Reads the body, stopping (and cancelling the upload) as soon as it passes `limit` bytes. */
export async function readLimitedBody(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > limit) throw new BodyTooLargeError(limit);
  if (!req.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** req.formData() with a byte cap on the whole body. */
export async function limitedFormData(req: Request, limit: number): Promise<FormData> {
  const body = await readLimitedBody(req, limit);
  return new Response(body, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
}
