// A minimal PDF 1.4 writer for text documents (no PDF library is installed):
// A4 pages, the standard Helvetica fonts (no embedding), WinAnsi encoding.
// Characters outside WinAnsi (e.g. Cyrillic) cannot be shown by the standard
// fonts and are written as "?"; the HTML receipt shows them properly.
export type TPdfText = { x: number; y: number; text: string; size?: number; bold?: boolean; align?: "left" | "right" };
export type TPdfRule = { x1: number; y1: number; x2: number; y2: number };
export type TPdfPage = { texts: TPdfText[]; rules?: TPdfRule[] };

export const A4 = { width: 595.28, height: 841.89 };

// Helvetica widths (1/1000 em) for printable ASCII, to right-align amounts.
const W = "278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584".split(",").map(Number);

export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) { const c = ch.charCodeAt(0); w += c >= 32 && c <= 126 ? W[c - 32]! : 556; }
  return (w * size) / 1000;
}

const WIN_ANSI_EXTRA: Record<string, number> = { "€": 0x80, "–": 0x96, "—": 0x97, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "…": 0x85, "×": 0xd7 };

/** PDF string literal bytes: WinAnsi, with ( ) \ escaped. */
function encode(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    let b: number;
    if (WIN_ANSI_EXTRA[ch] !== undefined) b = WIN_ANSI_EXTRA[ch]!;
    else if (c >= 32 && c <= 126) b = c;
    else if (c === 0xa0) b = 32;
    else if (c >= 0xa1 && c <= 0xff) b = c;
    else b = 63; // "?"
    const s = String.fromCharCode(b);
    out += s === "(" || s === ")" || s === "\\" ? `\\${s}` : b > 126 ? `\\${b.toString(8).padStart(3, "0")}` : s;
  }
  return out;
}

export function buildPdf(pages: TPdfPage[], info: { title?: string } = {}): Buffer {
  const objects: string[] = [];
  const add = (body: string) => { objects.push(body); return objects.length; };
  const catalog = add("");
  const pagesObj = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const bold = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  const kids: number[] = [];
  for (const page of pages) {
    const ops: string[] = [];
    for (const r of page.rules ?? []) ops.push(`0.6 w ${r.x1.toFixed(2)} ${r.y1.toFixed(2)} m ${r.x2.toFixed(2)} ${r.y2.toFixed(2)} l S`);
    for (const t of page.texts) {
      const size = t.size ?? 10;
      const x = t.align === "right" ? t.x - textWidth(t.text, size) : t.x;
      ops.push(`BT /${t.bold ? "F2" : "F1"} ${size} Tf ${x.toFixed(2)} ${t.y.toFixed(2)} Td (${encode(t.text)}) Tj ET`);
    }
    const stream = ops.join("\n");
    const content = add(`<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  const infoObj = add(`<< /Producer (Chargeway) /Title (${encode(info.title ?? "Receipt")}) >>`);

  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObj} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
