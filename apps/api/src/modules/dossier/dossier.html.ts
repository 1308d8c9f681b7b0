import { esc, fmtTime, GAP } from './dossier.format.js'
import { SECTIONS } from './dossier.sections.js'
import type { DossierFacts, ReportWithFiles } from './dossier.source.js'

/** What the printed summary is made from. */
export interface DossierDocument {
  facts: DossierFacts
  /** The progress reports, a page at a time (they grow with the problem's life). */
  reports: () => AsyncIterable<ReportWithFiles[]>
  generatedAt: Date
  generatedBy: string | null
}

/**
 * One part of the summary. A later record type (supervision notices, accountability records)
 * is one more entry in SECTIONS: a title and a renderer that yields escaped HTML.
 */
export interface DossierSection {
  /** The `id` of the section element (an anchor for the table of contents). */
  id: string
  /** The heading, zh-CN. */
  title: string
  render(doc: DossierDocument): Iterable<string> | AsyncIterable<string>
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']
const numeral = (i: number) => NUMERALS[i] ?? String(i + 1)

/** Inline, print-first styles: A4 pages, no external fonts, no scripts. */
const STYLE = `
@page { size: A4; margin: 18mm 16mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10.5pt;
  line-height: 1.6; color: #000; margin: 0 auto; max-width: 178mm; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 13pt; border-bottom: 1px solid #000; margin: 8mm 0 3mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 2mm; break-after: avoid; }
p.meta { text-align: center; margin: 0 0 6mm; font-size: 9pt; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
th, td { border: 1px solid #555; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: bold; white-space: nowrap; }
table.kv th { width: 26mm; }
thead { display: table-header-group; }
tr, .record { break-inside: avoid; }
.record { margin: 0 0 4mm; }
.empty { color: #444; }
.hash { font-family: "Courier New", monospace; font-size: 7.5pt; word-break: break-all; }
ul.files { margin: 0; padding-left: 5mm; }
nav ol { columns: 2; margin: 0 0 4mm; }
a { color: #000; }
footer { margin-top: 8mm; border-top: 1px solid #000; font-size: 9pt; }
@media screen { body { padding: 10mm; background: #fff; } }
`

/**
 * The printable summary (index.html) in chunks: the head, then each section as it is rendered
 * (reports page by page), so memory holds one page of records at a time.
 */
export async function* renderHtml(doc: DossierDocument): AsyncGenerator<string> {
  const p = doc.facts.problem
  yield `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>一案一档 ${esc(p.code)} ${esc(p.title)}</title>
<style>${STYLE}</style></head><body>
<h1>一案一档</h1>
<p class="meta">${esc(p.code)}${GAP}${esc(p.title)}</p>
<nav><ol>${SECTIONS.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join('')}</ol></nav>
`
  for (const [i, section] of SECTIONS.entries()) {
    yield `<section id="${section.id}"><h2>${numeral(i)}、${esc(section.title)}</h2>\n`
    yield* section.render(doc)
    yield '</section>\n'
  }
  yield `<footer><p>生成时间：${fmtTime(doc.generatedAt)}${GAP}导出人：${esc(doc.generatedBy)}</p>
<p>本档案包含：本摘要（index.html）、全部佐证材料（evidence/）、操作日志（audit.jsonl）及文件清单（manifest.json，列明每个文件的大小和 SHA-256 校验值）。</p></footer>
</body></html>
`
}
