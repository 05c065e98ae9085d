import type { CaptureRecord } from '../store/capture-store';
import type { Mention } from '../store/types';
import { humanTime } from './time';

export interface SheetInput {
  mention: Mention;
  schoolName: string;
  trustName: string;
  timeZone: string;
  record: CaptureRecord;
  /** The screen print, shown as a thumbnail of its top. */
  screenshot?: Buffer;
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The one-page evidence sheet a head can hand over with the files: who, where, when, why, and the hashes that
 * prove the files are the ones captured. Our own HTML, printed to PDF by the capture browser with scripts off.
 */
export function evidenceSheetHtml(input: SheetInput): string {
  const { mention: m, record: r, timeZone } = input;
  const at = (iso?: string) => (iso && !Number.isNaN(Date.parse(iso)) ? `${esc(humanTime(new Date(iso), timeZone))}<br><span class="m">${esc(new Date(iso).toISOString())} UTC</span>` : '<span class="m">not given</span>');
  const row = (k: string, v: string) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`;
  const cats = m.score.categories.map((c) => `<li><b>${esc(c.label)}</b> (${esc(c.family)}, ${esc(c.severity)}): ${esc(c.reason)}. <i>Policy: ${esc(c.policyClause)}</i></li>`).join('');
  const pageCats = (r.pageScore?.categories ?? [])
    .filter((c) => r.pageScore?.newCategories.includes(c.id))
    .map((c) => `<li><b>${esc(c.label)}</b> (${esc(c.family)}, ${esc(c.severity)}): ${esc(c.reason)}.</li>`)
    .join('');
  const hashes = Object.entries(r.files ?? {})
    .filter(([name]) => name !== 'sheet.pdf')
    .map(([name, f]) => `<tr><td>${esc(name)}</td><td class="r">${f.bytes.toLocaleString('en-GB')}</td><td class="h">${esc(f.sha256)}</td></tr>`)
    .join('');
  const thumb = input.screenshot ? `<div class="thumb"><img src="data:image/png;base64,${input.screenshot.toString('base64')}" alt=""></div>` : '';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Evidence sheet</title><style>
@page{size:A4;margin:12mm}
*{box-sizing:border-box}body{margin:0;font:9.5pt/1.35 "DejaVu Sans",Arial,sans-serif;color:#111}
h1{font-size:15pt;margin:0 0 2mm}h2{font-size:10.5pt;margin:3mm 0 1mm;border-bottom:1px solid #999}
.sub{color:#444;margin:0 0 2mm}table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.6mm 1.5mm;border-bottom:1px solid #ddd}
th{width:34mm;color:#333}.m{color:#555;font-size:8.5pt}.u,.h{font-family:"DejaVu Sans Mono",monospace;word-break:break-all;font-size:8pt}.r{text-align:right}
ul{margin:1mm 0;padding-left:5mm}.wrap{display:flex;gap:4mm}.main{flex:1;min-width:0}.thumb{width:52mm;height:70mm;overflow:hidden;border:1px solid #999}.thumb img{width:100%}
.foot{margin-top:3mm;font-size:8pt;color:#444}
</style></head><body>
<h1>Evidence sheet: web page capture</h1>
<p class="sub">${esc(input.schoolName)} · ${esc(input.trustName)} · mention ${esc(m.id)} · capture ${esc(r.captureId)}</p>
<div class="wrap"><div class="main"><table>
${row('Title in feed', esc(m.title.slice(0, 300)))}
${row('Web address', `<span class="u">${esc(r.requestedUrl)}</span>`)}
${r.finalUrl && r.finalUrl !== r.requestedUrl ? row('Final address', `<span class="u">${esc(r.finalUrl)}</span>`) : ''}
${row('HTTP status', esc(r.httpStatus))}
${row('Page captured', at(r.capturedAt))}
${row('Published (feed)', at(m.publishedAt))}
${row('First seen (feed)', at(m.capturedAt))}
${row('Found in feed', `<span class="u">${esc(m.feedUrl)}</span>`)}
${row('Severity', esc(m.severity ?? 'none'))}
</table></div>${thumb}</div>
<h2>Why it was flagged</h2>
<p>${esc(m.score.explanation)}</p><ul>${cats}</ul>
${pageCats ? `<h2>Also found in the page text</h2><ul>${pageCats}</ul>` : ''}
<h2>Files (SHA-256)</h2>
<table><tr><th>file</th><th class="r">bytes</th><th>SHA-256</th></tr>${hashes}
<tr><td>feed text</td><td class="r">${m.text.length.toLocaleString('en-GB')} chars</td><td class="h">${esc(m.textSha256)}</td></tr></table>
<p class="foot">The files were captured automatically by Schoolwatch: the page was downloaded once and drawn by headless Chromium from those bytes; page.html is the page exactly as served; manifest.json lists every file's SHA-256 and the tools used. Times are shown in ${esc(timeZone)} with their UTC offset.</p>
</body></html>`;
}
