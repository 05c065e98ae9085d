import { describe, expect, it } from 'vitest';
import { renderDigest, renderRollup, rollupMail } from '../../lib/digest/render';
import { sampleMention, sampleSchool } from '../support/digest-sample';
import type { CategoryHit } from '../../lib/score/types';

const threat: CategoryHit = { id: 'abuse.threat', family: 'abuse', label: 'Threat', policyClause: 'Threats against staff', severity: 'high', reason: 'threat words' };
const inspection: CategoryHit = { id: 'reputation.inspection', family: 'reputation', label: 'Inspection', policyClause: 'Reporting on inspections', severity: 'low', reason: 'inspection' };

const northgate = sampleSchool;
const kestrel = { ...sampleSchool, id: 'kestrel', name: 'Kestrel <Primary>', timezone: 'Europe/Dublin', recipients: ['head@kestrel.example'] };
const quiet = { ...sampleSchool, id: 'quiet', name: 'Quiet Lane School', recipients: [] };

const n1 = sampleMention({ id: 'n1', title: 'Northgate threat post', text: 'we will wait outside', categories: [threat] });
const n2 = sampleMention({ id: 'n2', title: 'Northgate inspection report', text: 'requires improvement', categories: [inspection] });
const k1 = sampleMention({ id: 'k1', schoolId: 'kestrel', title: 'Kestrel <script>x</script> downgrade', text: 'kestrel inspection', categories: [inspection] });

function render(maxItems?: number) {
  return renderRollup({
    trust: { id: 'meridian', name: 'Meridian Learning Trust' },
    groups: [
      { school: quiet, mentions: [] },
      { school: kestrel, mentions: [k1] },
      { school: northgate, mentions: [n2, n1] },
    ],
    localDate: '2026-03-30',
    webBaseUrl: 'https://schoolwatch.example',
    maxItems,
  });
}

describe('renderRollup', () => {
  const r = render();

  it('has a trust subject with totals and severities, and counts per school', () => {
    expect(r.subject).toBe('Meridian Learning Trust: 3 flagged mentions across 2 schools (1 high, 2 low) – Mon 30 Mar 2026');
    expect(r.kind).toBe('rollup');
    expect(r.counts.total).toBe(3);
    expect(r.perSchool).toEqual({ northgate: 2, kestrel: 1, quiet: 0 });
  });

  it('groups hits by school, most serious school first, and names the quiet schools', () => {
    const t = r.text;
    const north = t.indexOf('NORTHGATE PARK ACADEMY (times in Europe/London)');
    const kes = t.indexOf('KESTREL <PRIMARY> (times in Europe/Dublin)');
    expect(north).toBeGreaterThan(0);
    expect(kes).toBeGreaterThan(north);
    // Within a school, most serious first; numbering runs across the whole roll-up.
    expect(t.indexOf('1. [HIGH] Northgate threat post')).toBeGreaterThan(north);
    expect(t.indexOf('2. [LOW] Northgate inspection report')).toBeGreaterThan(t.indexOf('1. [HIGH]'));
    expect(t.indexOf('3. [LOW] Kestrel')).toBeGreaterThan(kes);
    expect(t).toContain('Northgate Park Academy: 2 new flagged mentions (1 high, 1 low)');
    expect(t).toContain('Nothing new flagged for Quiet Lane School.');
    expect(r.html).toContain('Nothing new flagged for Quiet Lane School.');
    expect(t).toContain('listed as a roll-up recipient for Meridian Learning Trust');
    expect(t).toContain('outside the trust');
  });

  it("reuses the digest's item card: the same markup for the same mention", () => {
    const single = renderDigest({ school: northgate, mentions: [n1], localDate: '2026-03-30', webBaseUrl: 'https://schoolwatch.example' });
    const card = (html: string) => html.slice(html.indexOf('<tr><td style="padding:0 24px 16px 24px;"'), html.indexOf('</td></tr></table>\n</td></tr>') + 30);
    expect(card(single.html).length).toBeGreaterThan(200);
    expect(r.html).toContain(card(single.html));
    expect(r.html).toContain('https://schoolwatch.example/mentions/k1');
  });

  it('escapes school names and feed text, and shows each school in its own timezone', () => {
    expect(r.html).not.toContain('<script>');
    expect(r.html).toContain('Kestrel &lt;Primary&gt;');
    expect(r.html).toContain('times in Europe/Dublin');
    expect(r.text).toMatch(/Captured: .*\(UTC\+01:00\)|Captured: .*\(UTC\+00:00\)/);
  });

  it('puts every school in the CSV evidence log with its name', () => {
    const lines = r.csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['Kestrel <Primary>', 'Northgate Park Academy', 'Northgate Park Academy']);
  });

  it('caps the items shown across the roll-up and says how many more are in the CSV', () => {
    const capped = render(1);
    expect(capped.text).toContain('1. [HIGH] Northgate threat post');
    expect(capped.text).not.toContain('2. [LOW]');
    expect(capped.text).toContain('1 more mention is not shown here');
    expect(capped.csv.trim().split('\r\n')).toHaveLength(4);
  });

  it('builds the mail to the given addresses with a trust-named CSV', () => {
    const m = rollupMail({ from: 'digest@x.example', trustId: 'meridian', localDate: '2026-03-30', to: ['central@meridian.example'], rendered: r });
    expect(m.to).toEqual(['central@meridian.example']);
    expect(m.attachments?.[0]?.filename).toBe('schoolwatch-trust-meridian-2026-03-30-evidence.csv');
  });
});
