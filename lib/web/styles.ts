/** The one stylesheet, served from /assets/app.css (the CSP allows no inline styles). */
export const STYLES = `
:root{--ink:#1b1f24;--muted:#4f5761;--line:#c9d1d9;--bg:#fff;--soft:#f6f8fa;--accent:#0b5394;--high:#a40e26;--medium:#8a4600;--low:#2e5e1a;--focus:#f5b400}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;color:var(--accent);padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.skip-label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.site{background:#0b2545;color:#fff}
.site-inner{max-width:80rem;margin:0 auto;padding:.6rem 1.25rem;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center}
.brand{color:#fff;text-decoration:none;font-weight:700;font-size:1.1rem;letter-spacing:.01em}
.site nav ul{list-style:none;margin:0;padding:0;display:flex;gap:1rem}
.site nav a{color:#dbe7f5;text-decoration:none;padding:.25rem 0;border-bottom:2px solid transparent}
.site nav a[aria-current=page]{color:#fff;border-bottom-color:#fff}
.site nav a:hover{color:#fff;text-decoration:underline}
.who{margin-left:auto;display:flex;flex-wrap:wrap;gap:.35rem .75rem;align-items:center;font-size:.9rem;color:#dbe7f5}
.who form{margin:0}
.who a{color:#fff;white-space:nowrap}
.who span{overflow-wrap:anywhere}
.linkish{white-space:nowrap;background:none;border:1px solid #8fb0d6;color:#fff;border-radius:.3rem;padding:.2rem .6rem;font:inherit;cursor:pointer}
main{max-width:80rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 1rem;overflow-wrap:anywhere}
h2{font-size:1.2rem;margin:1.75rem 0 .6rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.55rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
td{overflow-wrap:anywhere}
td.when{white-space:nowrap;font-size:.9rem;color:var(--muted)}
tbody tr:hover{background:var(--soft)}
caption{text-align:left;color:var(--muted);padding:.25rem 0 .5rem}
.badge{display:inline-block;padding:0 .45rem;border-radius:.25rem;font-size:.8rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.sev-high{color:var(--high)}.sev-medium{color:var(--medium)}.sev-low{color:var(--low)}
.st{display:inline-block;padding:0 .45rem;border-radius:1rem;font-size:.8rem;font-weight:600;background:#eaeef2;color:#24292f;white-space:nowrap}
.st-new{background:#ddf4ff;color:#0a3069}.st-escalated{background:#ffebe9;color:#82071e}.st-dismissed{background:#eaeef2;color:#424a53}.st-reviewed{background:#dafbe1;color:#116329}
.empty{padding:2rem;border:1px dashed var(--line);border-radius:.5rem;color:var(--muted)}
.filters{background:var(--soft);border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin-bottom:1rem}
.filters fieldset{border:0;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.75rem 1rem}
.filters legend{font-weight:600;margin-bottom:.5rem;padding:0}
.field{display:flex;flex-direction:column;gap:.2rem;min-width:0}
.field.wide{grid-column:1/-1}
label{font-weight:600;font-size:.9rem}
input,select,textarea{font:inherit;padding:.4rem .5rem;border:1px solid #6e7781;border-radius:.3rem;background:#fff;color:var(--ink);max-width:100%}
textarea{min-height:6rem;width:100%}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin-top:.9rem}
button,.button{font:inherit;font-weight:600;padding:.45rem 1rem;border-radius:.3rem;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
.button.secondary,button.secondary{background:#fff;color:var(--accent)}
button.danger{background:#a4161a;border-color:#a4161a}
.error{color:var(--high);font-size:.9rem;font-weight:600}
[aria-invalid=true]{border-color:var(--high);border-width:2px}
.notice{border-left:4px solid var(--accent);background:#eef5fc;padding:.6rem 1rem;margin:0 0 1rem}
.notice.bad{border-left-color:var(--high);background:#fff0f0}
.pager{display:flex;gap:1rem;align-items:center;margin-top:1rem}
.muted{color:var(--muted)}
.small{font-size:.85rem}
.snapshot{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid var(--line);padding:1rem;border-radius:.5rem;background:var(--soft);max-height:none}
.screenprint{display:block;max-width:100%;height:auto;border:1px solid var(--line);border-radius:.25rem}
mark{background:#ffe08a;color:inherit;padding:0 .1rem;border-bottom:2px solid #b58100}
.ctl{font-family:ui-monospace,monospace;font-size:.75em;background:#ffebe9;color:#82071e;border-radius:.2rem;padding:0 .15rem}
dl.facts{display:grid;grid-template-columns:minmax(9rem,max-content) 1fr;gap:.35rem 1.25rem;margin:0}
dl.facts dt{color:var(--muted);font-weight:600}
dl.facts dd{margin:0;overflow-wrap:anywhere;min-width:0}
code,.hash{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85rem;overflow-wrap:anywhere;word-break:break-all}
.cols{display:grid;grid-template-columns:minmax(0,2fr) minmax(18rem,1fr);gap:2rem}
@media (max-width:60rem){.cols{grid-template-columns:minmax(0,1fr)}}
.panel{border:1px solid var(--line);border-radius:.5rem;padding:1rem;background:#fff}
.panel h2{margin-top:0}
.panel .field{margin-bottom:.8rem}
.panel+.panel{margin-top:1rem}
ol.trail{list-style:none;padding:0;margin:0}
ol.trail li{border-left:3px solid var(--line);padding:.2rem 0 .8rem .8rem}
ol.trail .note{white-space:pre-wrap;overflow-wrap:anywhere;margin:.2rem 0 0}
.cats{margin:0;padding-left:1.2rem}
.login{max-width:26rem;margin:3rem auto;border:1px solid var(--line);border-radius:.6rem;padding:1.5rem 1.75rem;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.06)}
.login .field{margin-bottom:.9rem}
.login input{width:100%}
.login button{width:100%;margin-top:.25rem}
.title-cell a{font-weight:600}
td.when .utc{color:var(--muted);font-size:.8rem}
.cols2{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:0 1.25rem}
fieldset.feeds{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
fieldset.feeds>legend{font-weight:700;padding:0 .35rem}
.feed-row{border:1px solid var(--line);border-radius:.4rem;padding:.6rem .8rem;margin:.75rem 0;background:var(--soft)}
.feed-row.new-feed{border-style:dashed;background:#fff}
.feed-row legend{font-weight:600;padding:0 .3rem}
.feed-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.5rem 1rem}
.feed-url code{background:#fff;border:1px solid var(--line);padding:.1rem .3rem;border-radius:.2rem}
.school-form .field{margin-bottom:.7rem}
.inline-form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:0}
.inline-form select{padding:.25rem .4rem}
.inline-form button{padding:.25rem .7rem}
.preview{margin-top:1.5rem}
.preview .feed-h{font-size:1.05rem;margin:1.25rem 0 .25rem}
.preview-items td{font-size:.9rem}
tr.pv-flagged{background:#fff5f5}
tr.pv-unmatched td{color:var(--muted)}
code.secret{font-size:1.2rem;background:var(--soft);border:1px solid var(--line);padding:.3rem .6rem;border-radius:.3rem;user-select:all}
pre.commands{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--soft);border:1px solid var(--line);padding:1rem;border-radius:.4rem}
.evidence-page{max-width:50rem}
.evidence-page .snapshot{background:#fff}
td.pick{width:2rem}
td.pick input{width:1.2rem;height:1.2rem}
.field.check{flex-direction:row;align-items:center;gap:.5rem;align-self:end}
.field.check input{width:1.2rem;height:1.2rem}
.bulk{margin-top:1rem}
.bulk h2{font-size:1.05rem}
details.reads{margin-top:1rem}
details summary{cursor:pointer;font-weight:600;font-size:.9rem}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.75rem;margin:1rem 0}
.stat{border:1px solid var(--line);border-radius:.5rem;padding:.75rem;background:var(--soft);overflow-wrap:anywhere}
.stat-n{display:block;font-size:1.5rem;font-weight:700;line-height:1.2}
.urgent.has-urgent{border-left:5px solid var(--high)}
.urgent-list{padding-left:1.2rem;margin:.25rem 0}
.urgent-list li{margin-bottom:.5rem;overflow-wrap:anywhere}
figure.trend{margin:0}
figure.trend svg{width:100%;max-width:48rem;height:auto;display:block}
svg .bar{fill:#7aa7d6}
svg .bar-urgent{fill:var(--high)}
svg .axis{stroke:var(--muted);stroke-width:1}
svg .tick{font-size:11px;fill:var(--muted)}
.legend{white-space:nowrap}
.key{display:inline-block;width:.8rem;height:.8rem;vertical-align:middle;margin-left:.5rem}
.key-all{background:#7aa7d6}.key-urgent{background:var(--high)}
.trend-table table{max-width:24rem}
/* Phones: no sideways scroll; tables become stacked cards, each cell labelled; buttons keep their words whole. */
button,.button{white-space:nowrap;max-width:100%}
@media (max-width:40rem){
  main{padding:.75rem}
  .site-inner{padding:.5rem .75rem}
  .who{margin-left:0}
  h1{font-size:1.35rem}
  table.list thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.list,table.list tbody,table.list tr,table.list td{display:block;width:100%}
  table.list tr{border:1px solid var(--line);border-radius:.5rem;margin:0 0 .75rem;padding:.4rem .6rem;background:#fff}
  table.list tbody tr{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:.1rem .75rem}
  table.list tbody td{grid-column:1/-1}
  table.list tbody tr{position:relative}
  table.list td.title-cell{order:-1;font-size:1.05rem;padding-right:2.5rem}
  table.list td.title-cell::before{display:none}
  table.by-school td:not(:first-child){grid-column:auto}
  table.list td.pick{position:absolute;top:.55rem;right:.6rem;width:auto;padding:0}
  table.list td.when,table.list td[data-label=Severity],table.list td[data-label=Status]{grid-column:auto}
  table.list td{border:0;padding:.2rem 0}
  table.list td[data-label]::before{content:attr(data-label);display:block;font-size:.75rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
  table.list td.when{white-space:normal}
  table.list caption{display:block;width:auto}
  td.pick input{margin:0}
  .filters fieldset{grid-template-columns:repeat(2,minmax(0,1fr));gap:.6rem .75rem}
  .filters .field.wide,.filters .field.check{grid-column:1/-1}
  .cols2,.feed-grid{grid-template-columns:minmax(0,1fr)}
  dl.facts{grid-template-columns:minmax(0,1fr)}
  dl.facts dd{margin-bottom:.4rem}
  .actions{gap:.5rem}
  pre,code{white-space:pre-wrap;overflow-wrap:anywhere}
  input,select,textarea{width:100%}
  input[type=checkbox],input[type=radio]{width:auto}
  .inline-form select,.inline-form input{width:auto;max-width:100%}
  .table-wrap{overflow-x:auto}
}
@media print{
  @page{margin:15mm}
  .site,.no-print,.skip,form{display:none!important}
  body{font-size:11pt;color:#000}
  main{max-width:none;padding:0}
  a{color:#000;text-decoration:none}
  .snapshot{border:1px solid #999;background:#fff;max-height:none}
  mark{background:none;border-bottom:2px solid #000;font-weight:700}
  .cols{display:block}
  h1{font-size:16pt}
}
`;
