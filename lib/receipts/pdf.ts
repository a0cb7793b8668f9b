// A minimal PDF 1.4 writer for text documents (no PDF library is installed):
// A4 pages, text in DejaVu Sans (regular and bold, lib/receipts/fonts, Bitstream
// Vera licence) embedded as a subset CIDFontType2 with Identity-H encoding, so
// Cyrillic, € and other Unicode text prints; a ToUnicode map keeps the text
// searchable and copyable. Streams are Flate-compressed.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { parseTrueType, subsetTrueType, type TTrueType } from "./truetype.ts";

export type TPdfText = { x: number; y: number; text: string; size?: number; bold?: boolean; align?: "left" | "right" };
export type TPdfRule = { x1: number; y1: number; x2: number; y2: number };
export type TPdfPage = { texts: TPdfText[]; rules?: TPdfRule[] };

export const A4 = { width: 595.28, height: 841.89 };

const FONT_FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" } as const;
const fonts = new Map<string, TTrueType>();

/** The font file next to this module, or under the project root (a bundled server runs from there). */
function fontPath(file: string): string {
  const candidates: string[] = [];
  try { candidates.push(fileURLToPath(new URL(`./fonts/${file}`, import.meta.url))); } catch { /* not a file: URL when bundled */ }
  candidates.push(path.join(process.cwd(), "lib", "receipts", "fonts", file));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Receipt font ${file} not found (looked in ${candidates.join(", ")})`);
  return found;
}

function font(bold: boolean): TTrueType {
  const file = bold ? FONT_FILES.bold : FONT_FILES.regular;
  let f = fonts.get(file);
  if (!f) fonts.set(file, (f = parseTrueType(readFileSync(fontPath(file)))));
  return f;
}

/** Glyph id of a character; .notdef (0) when the font lacks it. */
const gid = (f: TTrueType, ch: string) => f.glyphOf.get(ch.codePointAt(0)!) ?? 0;
const em = (f: TTrueType, units: number) => Math.round((units * 1000) / f.unitsPerEm);

export function textWidth(text: string, size: number, bold = false): number {
  const f = font(bold);
  let w = 0;
  for (const ch of text) w += em(f, f.advances[gid(f, ch)]!);
  return (w * size) / 1000;
}

const hex4 = (n: number) => n.toString(16).padStart(4, "0").toUpperCase();

/** UTF-16BE hex of a string (for ToUnicode and the document title). */
function utf16Hex(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += hex4(s.charCodeAt(i));
  return out;
}

type TUsed = Map<number, string>; // glyph id -> the text it shows

function encode(f: TTrueType, used: TUsed, text: string): string {
  let out = "";
  for (const ch of text) {
    const g = gid(f, ch);
    if (g && !used.has(g)) used.set(g, ch);
    out += hex4(g);
  }
  return `<${out}>`;
}

function toUnicode(used: TUsed): string {
  const entries = [...used].sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([g, ch]) => `<${hex4(g)}> <${utf16Hex(ch)}>`).join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def", "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
    "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange", ...blocks, "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
  ].join("\n");
}

type TObj = string | { dict: string; stream: Buffer };

export function buildPdf(pages: TPdfPage[], info: { title?: string } = {}): Buffer {
  const objects: TObj[] = [];
  const add = (body: TObj) => { objects.push(body); return objects.length; };
  /** `entries` are the stream dictionary's own keys; /Filter and /Length are added. */
  const stream = (entries: string, data: Buffer | string) => {
    const raw = typeof data === "string" ? Buffer.from(data, "latin1") : data;
    return { dict: `${entries} /Filter /FlateDecode`.trim(), stream: deflateSync(raw) };
  };
  const catalog = add("");
  const pagesObj = add("");
  const fontObj = { regular: add(""), bold: add("") };
  const used = { regular: new Map() as TUsed, bold: new Map() as TUsed };
  const kids: number[] = [];
  for (const page of pages) {
    const ops: string[] = [];
    for (const r of page.rules ?? []) ops.push(`0.6 w ${r.x1.toFixed(2)} ${r.y1.toFixed(2)} m ${r.x2.toFixed(2)} ${r.y2.toFixed(2)} l S`);
    for (const t of page.texts) {
      const size = t.size ?? 10;
      const x = t.align === "right" ? t.x - textWidth(t.text, size, t.bold) : t.x;
      const f = font(!!t.bold);
      ops.push(`BT /${t.bold ? "F2" : "F1"} ${size} Tf ${x.toFixed(2)} ${t.y.toFixed(2)} Td ${encode(f, used[t.bold ? "bold" : "regular"], t.text)} Tj ET`);
    }
    const content = add(stream("", ops.join("\n")));
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 ${fontObj.regular} 0 R /F2 ${fontObj.bold} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  for (const kind of ["regular", "bold"] as const) {
    const f = font(kind === "bold");
    const glyphs = used[kind];
    // PDF subset fonts are named TAG+Name with a six-letter tag.
    const name = `${kind === "bold" ? "CWBOLD" : "CWREGU"}+${kind === "bold" ? "DejaVuSans-Bold" : "DejaVuSans"}`;
    const file = subsetTrueType(f, glyphs.keys());
    const fontFile = add(stream(`/Length1 ${file.length}`, file));
    const descriptor = add(
      `<< /Type /FontDescriptor /FontName /${name} /Flags 32 /FontBBox [${f.bbox.map((v) => em(f, v)).join(" ")}] /ItalicAngle 0 ` +
        `/Ascent ${em(f, f.ascent)} /Descent ${em(f, f.descent)} /CapHeight ${em(f, f.capHeight)} /StemV ${kind === "bold" ? 120 : 80} /FontFile2 ${fontFile} 0 R >>`,
    );
    const widths = [...glyphs.keys()].sort((a, b) => a - b).map((g) => `${g} [${em(f, f.advances[g]!)}]`).join(" ");
    const cid = add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
        `/FontDescriptor ${descriptor} 0 R /DW ${em(f, f.advances[0]!)} /W [${widths}] /CIDToGIDMap /Identity >>`,
    );
    const cmap = add(stream("", toUnicode(glyphs)));
    objects[fontObj[kind] - 1] = `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${cmap} 0 R >>`;
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  const infoObj = add(`<< /Producer (Chargeway) /Title <FEFF${utf16Hex(info.title ?? "Receipt")}> >>`);

  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let size = chunks[0]!.length;
  const push = (b: Buffer | string) => { const buf = typeof b === "string" ? Buffer.from(b, "latin1") : b; chunks.push(buf); size += buf.length; };
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(size);
    if (typeof body === "string") push(`${i + 1} 0 obj\n${body}\nendobj\n`);
    else {
      push(`${i + 1} 0 obj\n<< ${body.dict} /Length ${body.stream.length} >>\nstream\n`);
      push(body.stream);
      push("\nendstream\nendobj\n");
    }
  });
  const xref = size;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObj} 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}
