import { describe, expect, it } from 'vitest'
import { cellFormats, isDateFormat, sharedStrings, xmlText } from './xlsx-parts.js'

describe('xlsx parts', () => {
  it('decodes XML text: entities, character references, line ends', () => {
    expect(xmlText('a &amp; b &lt;c&gt; &quot;d&quot; &#x6C34;&#27700;\r\ne')).toBe(
      'a & b <c> "d" 水水\ne',
    )
  })

  it('reads shared strings: runs joined, phonetic guides left out, _xHHHH_ escapes decoded', () => {
    const xml = `<sst><si><t>甲</t></si><si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space="preserve">文本 </t></r></si>
      <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t/></si><si><t>a_x000D_b</t></si></sst>`
    expect(sharedStrings(xml)).toEqual(['甲', '富文本 ', '東京', '', 'a\rb'])
  })

  it('gives each cell style its number format, built-in East Asian dates included', () => {
    const xml = `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0000"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="31"/><xf numFmtId="14"><alignment wrapText="1"/></xf></cellXfs></styleSheet>`
    const formats = cellFormats(xml)
    expect(formats).toEqual([undefined, '0000', 'yyyy"年"m"月"d"日"', 'mm-dd-yy'])
    expect(formats.map((f) => !!f && isDateFormat(f))).toEqual([false, false, true, true])
    expect(isDateFormat('0.00"天"')).toBe(false)
    expect(isDateFormat('[Red]0.00')).toBe(false)
  })
})
