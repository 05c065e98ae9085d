import { html } from 'hono/html';
import type { Principal } from '../auth/principal';
import type { SchoolRef } from '../config/schema';
import { formatLocal } from '../digest/schedule';
import { safeHttpUrl } from '../digest/text';
import { STATUSES, type MentionList, type ReviewedMention } from '../app/mentions-query';
import type { ReviewEvent, ViewEvent } from '../store/review-store';
import { filterForm, filterQuery, type RawFilters } from './filters-view';
import { segmentsFor } from './highlight';
import type { Html } from './layout';
import { short, visible } from './text';

const DEFAULT_TZ = 'Europe/London';

export const severityBadge = (m: ReviewedMention) => (m.severity ? html`<span class="badge sev-${m.severity}">${m.severity}</span>` : html`<span class="muted">none</span>`);
export const statusBadge = (s: string) => html`<span class="st st-${s}">${s}</span>`;

function when(iso: string | undefined, tz: string) {
  if (!iso) return html`<span class="muted">not given by the feed</span>`;
  const valid = !Number.isNaN(Date.parse(iso));
  return valid
    ? html`<time datetime="${iso}">${formatLocal(iso, tz)}</time> <span class="muted">· ${new Date(iso).toISOString().replace('.000Z', 'Z')} UTC</span>`
    : html`${short(iso, 80)} <span class="muted">(as given by the feed)</span>`;
}

/** Captured time in the school's timezone, with the UTC time on a second line and in the tooltip. */
function listWhen(iso: string, tz: string) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return html`${iso}`;
  const utc = `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return html`<time datetime="${iso}" title="${utc}">${formatLocal(iso, tz)}</time><div class="small utc">${utc}</div>`;
}

/** Published time as the feed gave it, in the school's timezone; a dash when the feed gave none. */
function listPublished(iso: string | undefined, tz: string) {
  if (!iso) return html`<span class="muted">not given</span>`;
  return Number.isNaN(Date.parse(iso)) ? html`<span class="muted">${short(iso, 40)}</span>` : listWhen(iso, tz);
}

export function listBody(input: {
  principal: Principal;
  raw: RawFilters;
  problems: Record<string, string>;
  schools: SchoolRef[];
  result: MentionList;
  csrf: string;
  /** After a bulk change: what happened to each ticked item. */
  bulk?: { notice?: string; problems?: Record<string, string>; status?: string; note?: string };
}): Html {
  const { raw, result, schools, principal } = input;
  const byId = new Map(schools.map((s) => [s.school.id, s.school]));
  const filtered = ['school', 'family', 'category', 'severity', 'status', 'from', 'to', 'q', 'assigned'].some((k) => raw[k]);
  const rows = result.mentions.map((m) => {
    const school = byId.get(m.schoolId);
    const tz = school?.timezone ?? DEFAULT_TZ;
    return html`<tr>
<td class="pick"><input type="checkbox" name="id" value="${m.id}" form="bulk" id="pick-${m.id}" aria-label="Select “${short(m.title, 60) || 'untitled'}”"></td>
<td class="when" data-label="Captured">${listWhen(m.capturedAt, tz)}</td>
<td class="when" data-label="Published">${listPublished(m.publishedAt, tz)}</td>
<td data-label="School">${school?.name ?? m.schoolId}</td>
<td class="title-cell" data-label="Title"><a href="/mentions/${m.id}"><bdi>${short(m.title, 140) || '(untitled)'}</bdi></a>${m.assignee ? html`<div class="small muted">Assigned to ${m.assignee}</div>` : ''}</td>
<td data-label="Why">${m.families.join(', ')}<div class="small muted">${m.score.categories.map((c) => c.label).join(', ')}</div></td>
<td data-label="Severity">${severityBadge(m)}</td>
<td data-label="Status">${statusBadge(m.status)}</td>
</tr>`;
  });
  const order = raw.sort === 'severity' ? 'most severe first' : raw.sort === 'published' ? 'newest published first' : 'newest captured first';
  const empty = filtered
    ? raw.assigned === 'me' && Object.keys(raw).filter((k) => raw[k] && k !== 'assigned' && k !== 'sort').length === 0
      ? 'Nothing is assigned to you. Items are assigned from their page (“Assign to me”).'
      : 'No flagged items match these filters. Try widening the dates or clearing a filter.'
    : 'Nothing flagged yet. Mentions that look abusive, leak confidential information or could harm a school’s reputation appear here after the next poll.';
  const b = input.bulk ?? {};
  const bp = b.problems ?? {};
  const bErr = (name: string) => (bp[name] ? html`<span class="error" id="b-${name}-error">${bp[name]}</span>` : '');
  const bInv = (name: string) => (bp[name] ? html` aria-invalid="true" aria-describedby="b-${name}-error"` : '');
  const table =
    result.mentions.length === 0
      ? html`<p class="empty">${empty}</p>`
      : html`<table class="list">
<caption>${result.mentions.length} item${result.mentions.length === 1 ? '' : 's'} on this page, ${order}</caption>
<thead><tr><th scope="col"><span class="skip-label">Select</span></th><th scope="col">Captured</th><th scope="col">Published</th><th scope="col">School</th><th scope="col">Title</th><th scope="col">Why</th><th scope="col">Severity</th><th scope="col">Status</th></tr></thead>
<tbody>${rows}</tbody></table>
<form id="bulk" class="panel bulk no-print" method="post" action="/mentions/bulk${filterQuery(raw)}" novalidate aria-labelledby="bulk-h">
<h2 id="bulk-h">Change the ticked items</h2>
${bErr('ids')}
<input type="hidden" name="_csrf" value="${input.csrf}">
<div class="cols2">
<div class="field"><label for="b-status">New status</label><select id="b-status" name="status"${bInv('status')}><option value="">Choose…</option>${STATUSES.map(
          (s) => html`<option value="${s}"${s === b.status ? html` selected` : ''}>${s === 'dismissed' ? 'dismissed (false positive)' : s}</option>`,
        )}</select>${bErr('status')}</div>
<div class="field"><label for="b-note">One note for all of them (kept in each item’s audit trail)</label><textarea id="b-note" name="note" maxlength="2000"${bInv('note')}>${b.note ?? ''}</textarea>${bErr('note')}</div>
</div>
<div class="actions"><button type="submit">Change ticked items</button></div>
</form>`;
  return html`<h1>Flagged items</h1>
${b.notice ? html`<p class="notice" role="status">${b.notice}</p>` : ''}
${Object.keys(bp).length ? html`<p class="notice bad" role="alert">Nothing was changed: ${Object.values(bp).join('; ')}.</p>` : ''}
${filterForm(raw, schools, input.problems, principal.role !== 'head')}
${result.truncated ? html`<p class="notice">Only the first 5,000 matching items were put in this order. Narrow the dates or filters to see the rest in order.</p>` : ''}
<div class="actions no-print"><a class="button secondary" href="/mentions.csv${filterQuery(raw)}" download>Export these as CSV (evidence log)</a></div>
${table}
<nav class="pager" aria-label="Pages">${result.prev
    ? html`<a href="/mentions${filterQuery(raw)}">First page</a><a href="/mentions${filterQuery(raw, result.prev)}" rel="prev">← Previous page</a>`
    : ''}${result.next ? html`<a href="/mentions${filterQuery(raw, { cursor: result.next })}" rel="next">Next page →</a>` : ''}</nav>`;
}

function facts(m: ReviewedMention, school: SchoolRef['school'] | undefined) {
  const tz = school?.timezone ?? DEFAULT_TZ;
  const link = safeHttpUrl(m.canonicalUrl ?? m.url);
  const asFound = m.url && m.url !== link?.href ? html`<div class="small muted">As found in the feed: <code>${visible(m.url)}</code></div>` : '';
  return html`<dl class="facts">
<dt>School</dt><dd>${school?.name ?? m.schoolId}</dd>
<dt>Web address</dt><dd>${link ? html`<a href="${link.href}" rel="noopener noreferrer nofollow" target="_blank">${link.href}</a>` : html`<span>${m.url ? visible(m.url) : 'none given'}</span> <span class="muted">(not a web link)</span>`}${asFound}</dd>
<dt>Published</dt><dd>${when(m.publishedAt, tz)}</dd>
<dt>Captured</dt><dd>${when(m.capturedAt, tz)}</dd>
<dt>Author</dt><dd>${m.author ? visible(m.author) : html`<span class="muted">not given</span>`}</dd>
<dt>Source feed</dt><dd><code>${visible(m.feedUrl)}</code></dd>
${m.feedItemId ? html`<dt>Feed item id</dt><dd><code>${visible(m.feedItemId)}</code></dd>` : ''}
<dt>SHA-256 of text</dt><dd><code class="hash">${m.textSha256}</code></dd>
<dt>Severity</dt><dd>${severityBadge(m)}</dd>
<dt>Status</dt><dd>${statusBadge(m.status)}${m.assignee ? html` · assigned to ${m.assignee}` : ''}</dd>
</dl>`;
}

function capturedText(m: ReviewedMention) {
  const text = segmentsFor(m.text, m.score.evidence, 'text').map((s) =>
    s.category ? html`<mark title="Evidence: ${s.category}">${visible(s.text)}</mark>` : visible(s.text),
  );
  return html`<div class="snapshot" id="captured-text">${text}</div>`;
}

function titleWithEvidence(m: ReviewedMention) {
  return segmentsFor(m.title || '(untitled)', m.score.evidence, 'title').map((s) =>
    s.category ? html`<mark title="Evidence: ${s.category}">${visible(s.text)}</mark>` : visible(s.text),
  );
}

function why(m: ReviewedMention) {
  return html`<p>${m.score.explanation}</p>
<ul class="cats">${m.score.categories.map(
    (cat) => html`<li><strong>${cat.label}</strong> <span class="muted">(${cat.family}, ${cat.severity})</span>: ${cat.reason}.<br><span class="small">Policy clause: ${cat.policyClause}</span></li>`,
  )}</ul>
<p class="small muted">School match: ${m.match.reason}</p>`;
}

/** The page capture: the screen print (served from our origin), the files as downloads, or why there is none. */
function captureSection(m: ReviewedMention, tz: string) {
  const rec = m.capture;
  if (!rec) return html`<p class="muted" id="capture-status">No page capture yet. Captures are queued when an item is stored.</p>`;
  if (rec.status !== 'captured') {
    const next = rec.nextAttemptAt ? html` The next try is at ${formatLocal(rec.nextAttemptAt, tz)}.` : html` No further tries will be made; take a screen print by hand if the page is still up.`;
    return html`<p class="notice${rec.status === 'failed' ? ' bad' : ''}" id="capture-status">${rec.status === 'failed' ? 'The page could not be captured' : 'Page capture pending'} (${rec.attempts} attempt${rec.attempts === 1 ? '' : 's'}). ${rec.reason ? visible(rec.reason.message) : ''}${next}</p>`;
  }
  const base = `/mentions/${m.id}/capture`;
  const newCats = (rec.pageScore?.categories ?? []).filter((c) => rec.pageScore?.newCategories.includes(c.id));
  return html`<p class="small" id="capture-status">Captured ${rec.capturedAt ? when(new Date(rec.capturedAt).toISOString(), tz) : ''} · HTTP ${rec.httpStatus ?? '?'}${rec.finalUrl && rec.finalUrl !== rec.requestedUrl ? html` · final address <code>${visible(rec.finalUrl)}</code>` : ''}</p>
${rec.note ? html`<p class="notice">${rec.note}</p>` : ''}
${newCats.length ? html`<div class="notice"><strong>The page itself also shows:</strong><ul>${newCats.map((c) => html`<li>${c.label} (${c.family}, ${c.severity}): ${c.reason}</li>`)}</ul></div>` : ''}
<p class="no-print"><a class="button" href="/mentions/${m.id}/evidence.zip" download>Download evidence bundle (.zip)</a>
<a href="${base}/sheet.pdf" download>Evidence sheet (PDF)</a> · <a href="${base}/page.html" download>Archived HTML</a> · <a href="${base}/page.txt" download>Page text</a> · <a href="${base}/manifest.json" download>Manifest</a></p>
<a href="${base}/screenshot.png"><img class="screenprint" src="${base}/screenshot.png" alt="Screen print of ${visible(rec.requestedUrl ?? '')} as captured" width="640"></a>
<details><summary class="small">SHA-256 of the files</summary><ul class="small">${Object.entries(rec.files ?? {}).map(([name, f]) => html`<li>${name}: <code class="hash">${f.sha256}</code></li>`)}</ul></details>`;
}

export function snapshotBody(input: {
  mention: ReviewedMention;
  school?: SchoolRef['school'];
  history: ReviewEvent[];
  views: ViewEvent[];
  csrf: string;
  /** The signed-in person's address, for "Assign to me". */
  me?: string;
  form?: { status?: string; note?: string; assignee?: string; problems: Record<string, string> };
  notice?: string;
}): Html {
  const { mention: m, school, history } = input;
  const tz = school?.timezone ?? DEFAULT_TZ;
  const f = input.form ?? { problems: {} };
  const p = f.problems;
  const fieldErr = (name: string) => (p[name] ? html`<span class="error" id="r-${name}-error">${p[name]}</span>` : '');
  const inv = (name: string) => (p[name] ? html` aria-invalid="true" aria-describedby="r-${name}-error"` : '');
  const trail = history.length
    ? html`<ol class="trail">${[...history].reverse().map(
        (e) => html`<li><div><strong>${eventHeading(e)}</strong></div>
<div class="small">by ${e.actor} (${e.actorRole}) · <time datetime="${e.at}">${formatLocal(e.at, tz)}</time></div>
${e.assignee ? html`<div class="small">Assigned to ${e.assignee}</div>` : ''}
<p class="note">${visible(e.note)}</p></li>`,
      )}</ol>`
    : html`<p class="muted">No review yet.</p>`;
  return html`<p class="no-print"><a href="/mentions">← All flagged items</a></p>
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
${p.form ? html`<p class="notice bad" role="alert">${p.form}</p>` : ''}
<h1>${titleWithEvidence(m)}</h1>
<div class="cols">
<div>
${facts(m, school)}
<h2>Why it was flagged</h2>
${why(m)}
<h2>Captured text</h2>
<p class="small muted">Evidence is highlighted. Invisible or direction-changing characters are shown as [U+…] markers.</p>
${capturedText(m)}
<p class="no-print"><a href="/mentions/${m.id}/evidence">Print-friendly evidence record</a></p>
<h2>Screen print of the page</h2>
${captureSection(m, tz)}
</div>
<div class="no-print">
<section class="panel" aria-labelledby="review-h">
<h2 id="review-h">Review</h2>
<form method="post" action="/mentions/${m.id}/review" novalidate>
<input type="hidden" name="_csrf" value="${input.csrf}">
<input type="hidden" name="expected" value="${m.status}">
<div class="field"><label for="r-status">New status</label>
<select id="r-status" name="status"${inv('status')}><option value=""${f.status === '' ? html` selected` : ''}>No change: keep “${m.status}”, add the note</option>${STATUSES.filter((s) => s !== m.status).map(
    (s) => html`<option value="${s}"${s === (f.status ?? nextDefault(m.status)) ? html` selected` : ''}>${s === 'dismissed' ? 'dismissed (false positive)' : s}</option>`,
  )}</select>${fieldErr('status')}</div>
<div class="field"><label for="r-note">Note (kept in the audit trail)</label>
<textarea id="r-note" name="note" required maxlength="2000"${inv('note')}>${f.note ?? ''}</textarea>${fieldErr('note')}</div>
<div class="field"><label for="r-assignee">Assign to (email, optional)</label>
<input id="r-assignee" type="email" name="assignee" value="${f.assignee ?? m.assignee ?? ''}" autocomplete="off"${inv('assignee')}>${fieldErr('assignee')}</div>
<div class="actions"><button type="submit">Save review</button></div>
</form>
</section>
<section class="panel" aria-labelledby="assign-h">
<h2 id="assign-h">Assignment</h2>
<p>${m.assignee ? html`Assigned to <strong>${m.assignee}</strong>.` : 'Not assigned to anyone.'}</p>
<div class="actions">
${m.assignee?.toLowerCase() !== input.me?.toLowerCase()
    ? html`<form method="post" action="/mentions/${m.id}/assign"><input type="hidden" name="_csrf" value="${input.csrf}"><input type="hidden" name="expected" value="${m.status}"><input type="hidden" name="assignee" value="${input.me ?? ''}"><button type="submit">Assign to me</button></form>`
    : ''}
${m.assignee
    ? html`<form method="post" action="/mentions/${m.id}/assign"><input type="hidden" name="_csrf" value="${input.csrf}"><input type="hidden" name="expected" value="${m.status}"><input type="hidden" name="assignee" value=""><button class="secondary" type="submit">Unassign</button></form>`
    : ''}
</div>
<p class="small muted">Each assignment is kept in the audit trail.</p>
</section>
<section class="panel" aria-labelledby="trail-h">
<h2 id="trail-h">Audit trail</h2>
${trail}
<details class="reads"><summary>Recent reads of this snapshot (${input.views.length})</summary>
<ul class="small muted">${input.views.map((v) => html`<li>${v.actor} · ${formatLocal(v.at, tz)} · ${v.via}${v.file ? ` ${v.file}` : ''}</li>`)}</ul>
</details>
</section>
</div>
</div>`;
}

const nextDefault = (s: string) => (s === 'new' ? 'reviewed' : '');

/** One audit event's heading: the status change, or what was done while the status stayed. */
function eventHeading(e: ReviewEvent) {
  if (e.action === 'note' || (!e.action && e.from === e.to && !e.assignee)) return html`Note added (status ${statusBadge(e.to)} kept)`;
  if (e.action === 'assign' || (!e.action && e.from === e.to)) return html`Assigned to ${e.assignee ?? 'someone'}`;
  if (e.action === 'unassign') return html`Unassigned`;
  return html`${statusBadge(e.from)} → ${statusBadge(e.to)}`;
}

/** One page that prints cleanly to PDF: time, date, web address, text, hash; no navigation or forms. */
export function evidenceBody(m: ReviewedMention, school: SchoolRef['school'] | undefined, history: ReviewEvent[], printedBy: string, printedAt: string): Html {
  const tz = school?.timezone ?? DEFAULT_TZ;
  return html`<article class="evidence-page">
<p class="no-print"><a href="/mentions/${m.id}">← Back to the item</a> · Use your browser’s Print (Ctrl+P / ⌘P) and “Save as PDF”.</p>
<h1>Evidence record: ${titleWithEvidence(m)}</h1>
${facts(m, school)}
<h2>Why it was flagged</h2>
${why(m)}
<h2>Captured text</h2>
${capturedText(m)}
<h2>Screen print of the page</h2>
${captureSection(m, tz)}
<h2>Review history</h2>
${history.length ? html`<ul>${history.map((e) => html`<li>${formatLocal(e.at, tz)}: ${e.action === 'note' ? 'note' : e.action === 'assign' ? 'assigned' : e.action === 'unassign' ? 'unassigned' : `${e.from} → ${e.to}`} by ${e.actor}${e.assignee ? `, assigned to ${e.assignee}` : ''}. “${visible(e.note)}”</li>`)}</ul>` : html`<p>No review yet.</p>`}
<p class="small muted">Mention id ${m.id}. Record produced by Schoolwatch for ${printedBy} at ${formatLocal(printedAt, tz)} (${printedAt} UTC). The SHA-256 above is of the captured text exactly as stored.</p>
</article>`;
}
