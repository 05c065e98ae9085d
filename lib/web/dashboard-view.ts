import { html } from 'hono/html';
import { describeAge, type MentionBrief, type TriageSummary } from '../app/summary';
import { formatLocal } from '../digest/schedule';
import { CATEGORIES } from '../score/policy';
import type { Html } from './layout';
import { short } from './text';

const FAMILIES = ['abuse', 'confidential', 'reputation'] as const;
const label = (id: string) => [...CATEGORIES.values()].find((d) => d.id === id)?.label ?? id;
const dm = (isoDay: string) => `${isoDay.slice(8, 10)}/${isoDay.slice(5, 7)}`;

/**
 * The 30-day trend as a server-rendered SVG bar chart (no script). It scales with the page (viewBox), is
 * described by its title and desc, and the same numbers are in a table beside it for screen readers.
 */
export function trendChart(trend: TriageSummary['trend']): Html {
  const W = 600;
  const H = 180;
  const top = 12;
  const bottom = 28;
  const left = 28;
  const max = Math.max(1, ...trend.map((d) => d.flagged));
  const step = (W - left) / trend.length;
  const bar = Math.max(2, step - 4);
  const y = (n: number) => H - bottom - (n / max) * (H - top - bottom);
  const total = trend.reduce((n, d) => n + d.flagged, 0);
  const busiest = trend.reduce((a, d) => (d.flagged > a.flagged ? d : a), trend[0]!);
  const desc = total
    ? `${total} item${total === 1 ? '' : 's'} flagged in the last ${trend.length} days; the busiest day was ${dm(busiest.date)} with ${busiest.flagged}.`
    : `Nothing flagged in the last ${trend.length} days.`;
  return html`<figure class="trend">
<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="trend-title trend-desc" focusable="false" preserveAspectRatio="xMidYMid meet">
<title id="trend-title">Flagged items per day, last ${trend.length} days</title>
<desc id="trend-desc">${desc}</desc>
<line x1="${left}" y1="${H - bottom}" x2="${W}" y2="${H - bottom}" class="axis"/>
<text x="${left - 4}" y="${top + 4}" text-anchor="end" class="tick">${max}</text>
<text x="${left - 4}" y="${H - bottom}" text-anchor="end" class="tick">0</text>
${trend.map((d, i) => {
    const x = left + i * step + (step - bar) / 2;
    const h = H - bottom - y(d.flagged);
    const hu = H - bottom - y(d.urgent);
    return html`<g><rect x="${x.toFixed(1)}" y="${y(d.flagged).toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" class="bar"><title>${dm(d.date)}: ${d.flagged} flagged, ${d.urgent} urgent</title></rect>${d.urgent ? html`<rect x="${x.toFixed(1)}" y="${y(d.urgent).toFixed(1)}" width="${bar.toFixed(1)}" height="${hu.toFixed(1)}" class="bar-urgent"/>` : ''}${i % 7 === 0 || (i === trend.length - 1 && i % 7 >= 4) ? html`<text x="${(x + bar / 2).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle" class="tick">${dm(d.date)}</text>` : ''}</g>`;
  })}
</svg>
<figcaption class="small">${desc} <span class="legend"><span class="key key-all"></span> flagged <span class="key key-urgent"></span> of which urgent</span></figcaption>
</figure>
<details class="trend-table"><summary>The same numbers as a table</summary>
<table><caption>Flagged items per day</caption><thead><tr><th scope="col">Day</th><th scope="col">Flagged</th><th scope="col">Urgent</th></tr></thead>
<tbody>${trend.map((d) => html`<tr><td>${dm(d.date)}/${d.date.slice(0, 4)}</td><td>${d.flagged}</td><td>${d.urgent}</td></tr>`)}</tbody></table>
</details>`;
}

function urgentList(items: MentionBrief[], names: Map<string, string>, tz: string, count: number): Html {
  if (!items.length) return html`<p class="muted">No urgent items are waiting for review.</p>`;
  return html`<ul class="urgent-list">${items.map(
    (m) => html`<li><a href="/mentions/${m.id}"><bdi>${short(m.title, 120) || '(untitled)'}</bdi></a>
<div class="small">${names.get(m.schoolId) ?? m.schoolId} · ${m.categories.map(label).join(', ')} · captured ${formatLocal(m.capturedAt, tz)}${m.alertedAt ? ` · alerted ${formatLocal(m.alertedAt, tz)}` : ''}</div></li>`,
  )}</ul>${count > items.length ? html`<p class="small">${count - items.length} more: <a href="/mentions?status=new&amp;sort=severity">see them in the list</a>.</p>` : ''}`;
}

export function dashboardBody(s: TriageSummary): Html {
  const names = new Map(s.schools.map((x) => [x.schoolId, x.name]));
  const tz = s.timezone;
  if (!s.anyFlagged) {
    return html`<h1>Overview</h1>
<div class="empty"><p><strong>Nothing has been flagged yet.</strong></p>
<p>When a feed mentions one of your schools in a way that looks abusive, leaks confidential information or could harm its reputation, it appears here and in the <a href="/mentions">flagged items</a> list, and the head gets it in the next daily digest.</p>
<p>${s.schools.length ? `Watching ${s.schools.length} school${s.schools.length === 1 ? '' : 's'}.` : 'No schools are configured yet: an admin adds them in the admin console or with the command line.'}</p></div>`;
  }
  const old = s.oldestUnreviewed;
  return html`<h1>Overview</h1>
<section aria-labelledby="urgent-h" class="panel urgent${s.urgentCount ? ' has-urgent' : ''}">
<h2 id="urgent-h">Urgent, not yet reviewed (${s.urgentCount})</h2>
<p class="small muted">Threats, a named pupil’s safeguarding, SEN or medical details, and leaked credentials, at high severity.</p>
${urgentList(s.urgent, names, tz, s.urgentCount)}
</section>
<div class="stats">
<div class="stat"><span class="stat-n">${s.unreviewed}</span> <a href="/mentions?status=new">unreviewed item${s.unreviewed === 1 ? '' : 's'}</a></div>
${FAMILIES.map((f) => html`<div class="stat"><span class="stat-n">${s.byFamily[f]}</span> <a href="/mentions?status=new&amp;family=${f}">${f}</a></div>`)}
<div class="stat">${old ? html`<span class="stat-n">${describeAge(old.ageHours)}</span> the oldest unreviewed item has waited: <a href="/mentions/${old.id}"><bdi>${short(old.title, 80) || '(untitled)'}</bdi></a>` : html`<span class="stat-n">0</span> nothing is waiting`}</div>
</div>
<h2>Unreviewed by school</h2>
<table class="list by-school">
<caption>Items with status “new”, per school and family</caption>
<thead><tr><th scope="col">School</th><th scope="col">Unreviewed</th>${FAMILIES.map((f) => html`<th scope="col">${f}</th>`)}<th scope="col">Oldest waiting</th></tr></thead>
<tbody>${s.schools.map(
    (x) => html`<tr><td data-label="School"><a href="/mentions?school=${x.schoolId}&amp;status=new">${x.name}</a></td><td data-label="Unreviewed">${x.unreviewed}</td>${FAMILIES.map(
      (f) => html`<td data-label="${f}">${x.byFamily[f]}</td>`,
    )}<td data-label="Oldest waiting">${x.oldestUnreviewedAt ? describeAge(Math.floor((Date.parse(s.generatedAt) - Date.parse(x.oldestUnreviewedAt)) / 3_600_000)) : html`<span class="muted">nothing waiting</span>`}</td></tr>`,
  )}</tbody></table>
<h2>Last 30 days</h2>
${trendChart(s.trend)}`;
}
