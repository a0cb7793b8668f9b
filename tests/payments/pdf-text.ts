// Reads our receipts back the way a PDF viewer copies text: every content
// stream's hex strings, decoded through its font's ToUnicode map.
import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";

/** Checks the header, trailer and that every xref offset points at its object; returns the objects by number. */
export function pdfObjects(pdf: Buffer): Map<number, { dict: string; stream: Buffer | null }> {
  const text = pdf.toString("latin1");
  assert.ok(text.startsWith("%PDF-1.4\n"), "starts with %PDF");
  assert.ok(text.trimEnd().endsWith("%%EOF"));
  const xrefAt = Number(text.match(/startxref\n(\d+)\n%%EOF/)![1]);
  assert.equal(text.slice(xrefAt, xrefAt + 4), "xref");
  const count = Number(text.slice(xrefAt).match(/^xref\n0 (\d+)\n/)![1]);
  const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  assert.equal(offsets.length, count - 1, "one xref entry per object");
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  offsets.forEach((off, i) => {
    const head = `${i + 1} 0 obj\n`;
    assert.equal(text.slice(off, off + head.length), head, `xref entry ${i + 1}`);
    const end = text.indexOf("\nendobj\n", off);
    const body = text.slice(off + head.length, end);
    const s = body.indexOf(">>\nstream\n");
    if (s < 0) return void objects.set(i + 1, { dict: body, stream: null });
    const dict = body.slice(0, s + 2);
    const length = Number(dict.match(/\/Length (\d+)/)![1]);
    const start = off + head.length + s + ">>\nstream\n".length;
    assert.equal(text.slice(start + length, start + length + "\nendstream".length), "\nendstream", `object ${i + 1}: /Length is exact`);
    const raw = pdf.subarray(start, start + length);
    objects.set(i + 1, { dict, stream: dict.includes("/FlateDecode") ? inflateSync(raw) : raw });
  });
  return objects;
}

function unicodeMapOf(cmap: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of cmap.matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/g)) {
    const units = m[2]!.match(/.{4}/g)!.map((h) => parseInt(h, 16));
    out.set(m[1]!, String.fromCharCode(...units));
  }
  return out;
}

/** The text of every Tj, one string per Tj, in page order. */
export function pdfText(pdf: Buffer): string[] {
  const objects = pdfObjects(pdf);
  const fontMaps = new Map<string, Map<string, string>>();
  const lines: string[] = [];
  for (const [, o] of objects) {
    if (!o.dict.includes("/Type /Page ")) continue;
    for (const f of o.dict.matchAll(/\/(F\d) (\d+) 0 R/g)) {
      const font = objects.get(Number(f[2]))!;
      const tu = Number(font.dict.match(/\/ToUnicode (\d+) 0 R/)![1]);
      fontMaps.set(f[1]!, unicodeMapOf(objects.get(tu)!.stream!.toString("latin1")));
    }
    const content = objects.get(Number(o.dict.match(/\/Contents (\d+) 0 R/)![1]))!.stream!.toString("latin1");
    for (const m of content.matchAll(/\/(F\d) [\d.]+ Tf [-\d.]+ [-\d.]+ Td <([0-9A-F]*)> Tj/g)) {
      const map = fontMaps.get(m[1]!)!;
      lines.push((m[2]!.match(/.{4}/g) ?? []).map((g) => map.get(g) ?? "\uFFFD").join(""));
    }
  }
  return lines;
}
