import { describe, expect, it } from 'vitest';
import { digestMail, renderDigest, shouldSendDigest, sortMentions } from '../../lib/digest/render';
import { ev, sampleMention, sampleMentions, sampleSchool } from '../support/digest-sample';
import type { CategoryHit } from '../../lib/score/types';

const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'div', 'table', 'tr', 'td', 'th', 'p', 'h1', 'h2', 'span', 'strong', 'em', 'mark', 'a', 'br', 'wbr']);

function tags(html: string): string[] {
  return [...html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)].map((m) => m[0]);
}

const insult: CategoryHit = { id: 'abuse.insult', family: 'abuse', label: 'Insult', policyClause: 'Content that insults staff', severity: 'medium', reason: 'insult' };

function render(overrides: Partial<Parameters<typeof renderDigest>[0]> = {}) {
  return renderDigest({ school: sampleSchool, trustName: 'Meridian Learning Trust', mentions: sampleMentions(), localDate: '2026-03-30', webBaseUrl: 'https://schoolwatch.example/', ...overrides });
}

describe('renderDigest: hostile feed text', () => {
  const hostileTitle = '<script>alert("t")</script><img src=x onerror=alert(1)>';
  const hostileText = `Northgate Park staff are useless &lt;i&gt;entity&lt;/i&gt; \u202Etxt.exe\u202C <script>document.location='https://evil.example'</script> <a href="javascript:alert(2)">click</a> <svg onload=alert(3)> ${'B'.repeat(2000)} and useless again`;
  const m = sampleMention({
    id: 'hostile',
    title: hostileTitle,
    text: hostileText,
    url: 'javascript:alert(document.cookie)',
    author: 'Evil <b onmouseover=alert(4)>Author</b>\r\nBcc: x@evil.example',
    categories: [{ ...insult, label: '<i>Insult</i>', reason: 'said "useless" <u>here</u>', policyClause: '<script>p</script>' }],
    evidence: [
      ev('text', hostileText, 'useless', 'abuse.insult'),
      { field: 'text', start: hostileText.lastIndexOf('useless'), end: hostileText.lastIndexOf('useless') + 7, text: 'useless', category: 'abuse.insult' },
    ],
  });
  const r = render({ mentions: [m] });
  const visible = r.html.replace(/<wbr>/g, '');

  it('writes only its own tags: every < > from the feed arrives as text', () => {
    for (const t of tags(r.html)) {
      const name = /^<\/?([a-zA-Z0-9]+)/.exec(t)![1]!.toLowerCase();
      expect(ALLOWED_TAGS.has(name), t).toBe(true);
      expect(t, 'no event handler attributes').not.toMatch(/\son[a-z]+\s*=/i);
    }
    expect(r.html).not.toMatch(/<script/i);
    expect(r.html).not.toMatch(/<img/i);
    expect(r.html).not.toMatch(/<svg/i);
    expect(r.html).toContain('&lt;script&gt;');
    expect(r.html).toContain('onerror=alert(1)&gt;'); // visible as text, inert
  });

  it('never links a javascript: address; it is shown as plain text', () => {
    const hrefs = [...r.html.matchAll(/href="([^"]*)"/g)].map((x) => x[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
    expect(visible).toContain('javascript:alert(document.cookie)');
    expect(visible).toContain('not a web link');
    expect(r.text).toContain('Web address (not a web link; shown as text only): javascript:alert(document.cookie)');
  });

  it('shows entity-encoded tags literally (double-escaped in HTML)', () => {
    expect(visible).toContain('&amp;lt;i&amp;gt;entity&amp;lt;/i&amp;gt;');
    expect(r.text).toContain('&lt;i&gt;entity&lt;/i&gt;');
  });

  it('strips right-to-left overrides and control characters', () => {
    expect(r.html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(r.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(visible).toContain('txt.exe');
    // The author's CR/LF cannot start a new line in the text part.
    expect(r.text).not.toMatch(/^\s*Bcc:/m);
  });

  it('lets a very long unbroken string wrap and keeps the excerpt short', () => {
    expect(r.html).toMatch(/B{16}<wbr>B{16}/);
    expect(r.html).not.toMatch(/B{17}/);
    const excerpt = r.text.split('\n').find((l) => l.includes('[[useless]]'))!;
    expect(excerpt.length).toBeLessThan(600);
    expect(excerpt).toContain(' … '); // the two windows around the evidence, with the middle left out
    expect(excerpt).toContain('[[useless]] again');
  });

  it('escapes category labels, reasons and policy clauses', () => {
    expect(r.html).toContain('&lt;i&gt;Insult&lt;/i&gt;');
    expect(r.html).toContain('Policy: &lt;script&gt;p&lt;/script&gt;');
    expect(r.html).toContain('said &quot;useless&quot; &lt;u&gt;here&lt;/u&gt;');
  });

  it('ignores a base address that is not http(s)', () => {
    const bad = render({ mentions: [m], webBaseUrl: 'javascript:alert(1)//' });
    expect(bad.html).not.toContain('/mentions/');
    expect(bad.text).not.toContain('full snapshot:');
  });

  it('percent-encodes a link that carries markup characters', () => {
    const out = render();
    expect(out.html).toContain('href="https://reviews.example/schools/northgate?ref=feed&amp;x=%22%3E%3Cscript%3E"');
  });
});

describe('renderDigest: content', () => {
  const r = render();

  it('puts the most severe first, then by score and capture time', () => {
    const order = ['Parent group chat', 'Year 9 pupil named', 'entity', 'requires improvement'];
    const positions = order.map((t) => r.text.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const htmlPositions = ['HIGH</span>', 'MEDIUM</span>', 'LOW</span>'].map((t) => r.html.indexOf(t));
    expect([...htmlPositions].sort((a, b) => a - b)).toEqual(htmlPositions);
    expect(sortMentions(sampleMentions()).map((m) => m.id)).toEqual(['m-high-1', 'm-high-2', 'm-med-1', 'm-low-1']);
  });

  it('counts by severity and by family', () => {
    expect(r.counts.total).toBe(4);
    expect(r.counts.bySeverity).toEqual({ high: 2, medium: 1, low: 1 });
    expect(r.counts.byFamily).toEqual({ abuse: 2, confidential: 1, reputation: 1 });
    // m-high-1 is abuse with a high threat; m-med-1 is abuse (medium).
    expect(r.counts.byFamilySeverity.abuse).toEqual({ high: 1, medium: 1, low: 0 });
    expect(r.html).toContain('4 new flagged mentions: 2 high, 1 medium, 1 low');
    expect(r.text).toContain('4 new flagged mentions: 2 high, 1 medium, 1 low');
    expect(r.text).toContain('Abuse or harassment: 2 (high 1, medium 1, low 0)');
  });

  it('shows published and captured times in the school timezone with the UTC offset', () => {
    for (const out of [r.html, r.text]) {
      expect(out).toContain('Sun 29 Mar 2026, 22:47 BST (UTC+01:00)'); // published 21:47Z
      expect(out).toContain('Sun 29 Mar 2026, 23:10 BST (UTC+01:00)'); // captured 22:10Z
    }
    const winter = render({ mentions: [sampleMention({ id: 'w', title: 't', text: 'x', capturedAt: '2026-01-05T07:15:00Z', categories: [insult] })] });
    expect(winter.text).toContain('Captured: Mon 5 Jan 2026, 07:15 GMT (UTC+00:00)');
    expect(winter.text).toContain('Published: not given by the feed');
  });

  it('highlights evidence in the excerpt and title with <mark>, and [[ ]] in the text part', () => {
    expect(r.html).toMatch(/<mark style="[^"]*background-color:[^"]*font-weight:bold[^"]*">wait outside the gates<\/mark>/);
    expect(r.html).toMatch(/<mark [^>]*>Ofsted<\/mark>/); // title evidence
    expect(r.text).toContain('[[has an EHCP]]');
    expect(r.text).toContain('[[excluded twice]]');
  });

  it('gives categories with their policy clause in plain words', () => {
    expect(r.html).toContain('Policy: Content that threatens staff, pupils, parents or governors');
    expect(r.text).toContain('- Threat (Abuse or harassment, high): threat of violence ("wait outside")');
    expect(r.text).toContain('Policy: Content that threatens staff, pupils, parents or governors');
  });

  it('links each item to its snapshot page and shows the full web address as a link', () => {
    expect(r.html).toContain('href="https://schoolwatch.example/mentions/m-high-1"');
    expect(r.text).toContain('Sign in to see the full snapshot: https://schoolwatch.example/mentions/m-high-1');
    expect(r.html).toContain('href="https://social.example/@harlowfenparents/112233445566"');
    expect(r.html).toContain('social.example'); // source host
    const noBase = render({ webBaseUrl: undefined });
    expect(noBase.html).not.toContain('/mentions/');
  });

  it('plain-text part mirrors every item of the HTML', () => {
    for (const m of sampleMentions()) {
      if (m.url?.startsWith('http')) expect(r.text).toContain(new URL(m.url).href);
      expect(r.text).toContain(`/mentions/${m.id}`);
      expect(r.html).toContain(`/mentions/${m.id}`);
    }
    expect(r.text.match(/^\d+\. \[(HIGH|MEDIUM|LOW)\]/gm)).toHaveLength(4);
    expect(r.html.match(/>item \d+</g)?.length ?? r.html.match(/item \d+<\/p>/g)?.length).toBe(4);
  });

  it('uses a table layout, max 640px wide, and readable on a phone', () => {
    expect(r.html).toMatch(/^<!DOCTYPE html>/);
    expect(r.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(r.html).toContain('max-width:640px');
    expect(r.html).toContain('role="presentation"');
    expect(r.html).toContain('<!--[if mso]>');
  });

  it('finds evidence by its text when the offsets do not line up, and excerpts long text around it', () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(200);
    const text = `${filler}The head is a disgrace and should resign. ${filler}`;
    const m = sampleMention({
      id: 'long',
      title: 'Long post',
      text,
      categories: [insult],
      evidence: [{ field: 'text', start: 3, end: 10, text: 'a disgrace', category: 'abuse.insult' }],
    });
    const out = render({ mentions: [m] });
    const line = out.text.split('\n').find((l) => l.includes('[[a disgrace]]'))!;
    expect(line).toBeDefined();
    expect(line.trim().startsWith('"…')).toBe(true);
    expect(line.length).toBeLessThan(400);
  });

  it('shows only maxItems items in full and says how many more are in the CSV', () => {
    const many = Array.from({ length: 5 }, (_, i) => sampleMention({ id: `m${i}`, title: `Item ${i}`, text: 'useless', categories: [insult] }));
    const out = render({ mentions: many, maxItems: 2 });
    expect(out.text.match(/^\d+\. \[/gm)).toHaveLength(2);
    expect(out.text).toContain('3 more mentions are not shown here');
    expect(out.csv.trim().split('\r\n')).toHaveLength(6);
  });
});

describe('renderDigest: subject', () => {
  it('has school, counts and date, and never CR/LF or control characters', () => {
    const r = render();
    expect(r.subject).toBe('Northgate Park Academy: 4 flagged mentions (2 high, 1 medium, 1 low) – Mon 30 Mar 2026');
    const evil = render({ school: { ...sampleSchool, name: 'Evil\r\nBcc: victim@example.com\u0000\u0007\u202E School' } });
    expect(evil.subject).not.toMatch(/[\r\n\u0000-\u001f\u007f\u202e]/);
    expect(evil.subject).toContain('Evil Bcc: victim@example.com School');
  });

  it('is singular for one mention', () => {
    const r = render({ mentions: [sampleMentions()[0]!] });
    expect(r.subject).toBe('Northgate Park Academy: 1 flagged mention (1 low) – Mon 30 Mar 2026');
  });
});

describe('renderDigest: all clear', () => {
  it('renders the all-clear variant when there is nothing and the school asked for it', () => {
    const school = { ...sampleSchool, allClear: true };
    const r = renderDigest({ school, mentions: [], localDate: '2026-03-30', allClear: true });
    expect(r.kind).toBe('all-clear');
    expect(r.subject).toBe('Northgate Park Academy: all clear, nothing flagged – Mon 30 Mar 2026');
    expect(r.html).toContain('All clear');
    expect(r.text).toContain('ALL CLEAR');
    expect(r.text).toContain('Nothing new was flagged for Northgate Park Academy');
    expect(r.csv.trim().split('\r\n')).toHaveLength(1);
    expect(shouldSendDigest([], school)).toBe(true);
    expect(shouldSendDigest([], sampleSchool)).toBe(false);
    expect(shouldSendDigest(sampleMentions(), sampleSchool)).toBe(true);
    expect(digestMail({ from: 'a@b.example', school, localDate: '2026-03-30', rendered: r }).attachments).toEqual([]);
  });

  it('digestMail attaches the evidence CSV to a normal digest', () => {
    const r = render();
    const mail = digestMail({ from: 'a@b.example', school: sampleSchool, localDate: '2026-03-30', rendered: r });
    expect(mail.to).toEqual(sampleSchool.recipients);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments![0]).toMatchObject({ filename: 'schoolwatch-northgate-2026-03-30-evidence.csv', contentType: 'text/csv; charset=utf-8', content: r.csv });
  });
});
