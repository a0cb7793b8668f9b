// Just enough TrueType to embed a font in a PDF: the metrics the PDF font
// dictionaries need, the Unicode -> glyph map (cmap format 4, the BMP), and a
// subset that keeps every glyph id but drops the outlines of glyphs not used,
// so the CID -> GID map stays Identity and a receipt carries a few KB of font.
export type TTrueType = {
  data: Buffer;
  tables: Map<string, { offset: number; length: number }>;
  unitsPerEm: number;
  numGlyphs: number;
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
  advances: number[];
  glyphOf: Map<number, number>;
};

function table(data: Buffer, tables: TTrueType["tables"], tag: string) {
  const t = tables.get(tag);
  if (!t) throw new Error(`TrueType font has no ${tag} table`);
  return data.subarray(t.offset, t.offset + t.length);
}

export function parseTrueType(data: Buffer): TTrueType {
  const version = data.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error("Not a TrueType font (glyf outlines needed)");
  const tables: TTrueType["tables"] = new Map();
  for (let i = 0, n = data.readUInt16BE(4); i < n; i++) {
    const at = 12 + i * 16;
    tables.set(data.toString("latin1", at, at + 4), { offset: data.readUInt32BE(at + 8), length: data.readUInt32BE(at + 12) });
  }
  const head = table(data, tables, "head");
  const hhea = table(data, tables, "hhea");
  const maxp = table(data, tables, "maxp");
  const hmtx = table(data, tables, "hmtx");
  const os2 = tables.has("OS/2") ? table(data, tables, "OS/2") : null;
  const numGlyphs = maxp.readUInt16BE(4);
  const numberOfHMetrics = hhea.readUInt16BE(34);
  const advances: number[] = [];
  for (let g = 0; g < numGlyphs; g++) advances.push(hmtx.readUInt16BE(4 * Math.min(g, numberOfHMetrics - 1)));
  const ascent = hhea.readInt16BE(4);
  return {
    data, tables, numGlyphs, advances,
    unitsPerEm: head.readUInt16BE(18),
    bbox: [head.readInt16BE(36), head.readInt16BE(38), head.readInt16BE(40), head.readInt16BE(42)],
    ascent,
    descent: hhea.readInt16BE(6),
    capHeight: os2 && os2.length >= 90 ? os2.readInt16BE(88) : Math.round(ascent * 0.7),
    glyphOf: unicodeMap(table(data, tables, "cmap")),
  };
}

/** cmap format 4 of the Windows Unicode BMP subtable. */
function unicodeMap(cmap: Buffer): Map<number, number> {
  const out = new Map<number, number>();
  let sub = -1;
  for (let i = 0, n = cmap.readUInt16BE(2); i < n; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8), encoding = cmap.readUInt16BE(6 + i * 8), offset = cmap.readUInt32BE(8 + i * 8);
    if (cmap.readUInt16BE(offset) !== 4) continue;
    if ((platform === 3 && encoding === 1) || (platform === 0 && sub < 0)) sub = offset;
  }
  if (sub < 0) throw new Error("TrueType font has no Unicode cmap (format 4)");
  const segX2 = cmap.readUInt16BE(sub + 6);
  const ends = sub + 14, starts = ends + segX2 + 2, deltas = starts + segX2, rangeOffsets = deltas + segX2;
  for (let s = 0; s < segX2 / 2; s++) {
    const end = cmap.readUInt16BE(ends + 2 * s), start = cmap.readUInt16BE(starts + 2 * s);
    const delta = cmap.readInt16BE(deltas + 2 * s), ro = cmap.readUInt16BE(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let g: number;
      if (ro === 0) g = (c + delta) & 0xffff;
      else {
        const at = rangeOffsets + 2 * s + ro + 2 * (c - start);
        g = cmap.readUInt16BE(at);
        if (g !== 0) g = (g + delta) & 0xffff;
      }
      if (g !== 0) out.set(c, g);
    }
  }
  return out;
}

function glyphRange(f: TTrueType, g: number): [number, number] {
  const loca = table(f.data, f.tables, "loca");
  const long = table(f.data, f.tables, "head").readInt16BE(50) === 1;
  return long ? [loca.readUInt32BE(4 * g), loca.readUInt32BE(4 * g + 4)] : [loca.readUInt16BE(2 * g) * 2, loca.readUInt16BE(2 * g + 2) * 2];
}

/** A composite glyph's parts must come along. */
function componentsOf(glyph: Buffer): number[] {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return [];
  const out: number[] = [];
  let at = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(at);
    out.push(glyph.readUInt16BE(at + 2));
    at += 4 + (flags & 0x1 ? 4 : 2) + (flags & 0x8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
    if (!(flags & 0x20)) return out;
  }
}

function checksum(b: Buffer): number {
  const padded = b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b;
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The font with only `glyphs` (plus .notdef and composite parts) keeping outlines; glyph ids unchanged. */
export function subsetTrueType(f: TTrueType, glyphs: Iterable<number>): Buffer {
  const glyf = table(f.data, f.tables, "glyf");
  const keep = new Set<number>([0]);
  const todo = [...glyphs];
  while (todo.length) {
    const g = todo.pop()!;
    if (keep.has(g) && g !== 0) continue;
    keep.add(g);
    const [a, b] = glyphRange(f, g);
    for (const c of componentsOf(glyf.subarray(a, b))) if (!keep.has(c)) todo.push(c);
  }
  const parts: Buffer[] = [];
  const loca = Buffer.alloc(4 * (f.numGlyphs + 1));
  let size = 0;
  for (let g = 0; g < f.numGlyphs; g++) {
    loca.writeUInt32BE(size, 4 * g);
    if (!keep.has(g)) continue;
    const [a, b] = glyphRange(f, g);
    const body = glyf.subarray(a, b);
    const pad = (4 - (body.length % 4)) % 4;
    parts.push(body, Buffer.alloc(pad));
    size += body.length + pad;
  }
  loca.writeUInt32BE(size, 4 * f.numGlyphs);
  const head = Buffer.from(table(f.data, f.tables, "head"));
  head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
  head.writeInt16BE(1, 50); // long loca offsets
  const out = new Map<string, Buffer>([["glyf", Buffer.concat(parts)], ["head", head], ["loca", loca]]);
  for (const tag of ["cvt ", "fpgm", "prep", "hhea", "hmtx", "maxp"]) if (f.tables.has(tag)) out.set(tag, table(f.data, f.tables, tag));
  return assemble(out);
}

function assemble(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const header = Buffer.alloc(12 + 16 * n);
  const log2 = Math.floor(Math.log2(n));
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(16 * 2 ** log2, 6);
  header.writeUInt16BE(log2, 8);
  header.writeUInt16BE(16 * n - 16 * 2 ** log2, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const body = tables.get(tag)!;
    const at = 12 + 16 * i;
    header.write(tag, at, "latin1");
    header.writeUInt32BE(checksum(body), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(body.length, at + 12);
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  const font = Buffer.concat([header, ...bodies]);
  const headAt = header.readUInt32BE(12 + 16 * tags.indexOf("head") + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headAt + 8);
  return font;
}
