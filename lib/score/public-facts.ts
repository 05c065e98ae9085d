/**
 * Public facts: what a school publishes about itself (GIAS, its website) — its office phone, address, postcode,
 * website and the head's name. A leak is something not meant to be public, so the confidential rules consult
 * this before flagging a contact detail or a named pupil: a match that *equals* one of the school's own facts is
 * not a leak. Anything else in the same item (a parent's mobile, a pupil's home address) is judged as before.
 *
 * Comparison is on normalised forms, so the way a writer formats the fact does not matter:
 * - phones: digits only, +44 / 0044 / +44 (0) read as the leading 0 ("+44 1632 960100" = "01632 960100");
 * - postcodes: upper case without spaces ("tl4 2ag" = "TL4 2AG"), also taken from the address lines;
 * - addresses: lower-case words, punctuation dropped, street abbreviations spelled out; a found address counts
 *   when all its words appear, in order, in one of the school's address lines ("14 Fen Lane" in
 *   "Northgate Park Academy, 14 Fen Lane, Harlow Fen");
 * - websites: the host without scheme, "www." or path ("https://www.northgate.sch.uk/" = "northgate.sch.uk");
 * - people: the name without titles ("Mrs Jane Marsh" = "Jane Marsh").
 */
import type { PublicFacts } from '../config/schema';
import type { Doc, Span } from './document';
import type { Finding } from './findings';
import { findPhones, findPostcodes } from './identifiers';

export interface PublicFactsMatcher {
  /** Is this phone number (as written) one of the school's published numbers? */
  phone(value: string): boolean;
  postcode(value: string): boolean;
  /** Is this address text (a house number and street, say) part of one of the school's published addresses? */
  address(value: string): boolean;
  /** Is this host or web address the school's own website? */
  website(value: string): boolean;
  /** Is this name one of the people the school publishes (the head)? */
  person(value: string): boolean;
}

export function normalisePhone(value: string): string {
  let d = value.replace(/\D+/g, '');
  if (d.startsWith('0044')) d = d.slice(2);
  if (d.startsWith('44') && d.length >= 11) {
    d = d.slice(2);
    if (d.startsWith('0')) d = d.slice(1); // "+44 (0)1632 …"
    d = `0${d}`;
  } else if (/^[1-9]\d{8,9}$/.test(d)) d = `0${d}`; // a register export that lost the leading 0 ("1632960100")
  return d;
}

export function normalisePostcode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

const STREET_WORDS: Record<string, string> = {
  rd: 'road', st: 'street', ave: 'avenue', av: 'avenue', ln: 'lane', cl: 'close', dr: 'drive', cres: 'crescent', ct: 'court',
  gdns: 'gardens', gro: 'grove', pl: 'place', sq: 'square', ter: 'terrace', terr: 'terrace', pde: 'parade', wy: 'way',
};

export function normaliseAddress(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => STREET_WORDS[w] ?? w)
    .join(' ');
}

export function normaliseHost(value: string): string {
  const v = value.trim().toLowerCase();
  const host = v.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^[^@/]*@/, '').split(/[/?#:]/)[0] ?? '';
  return host.replace(/^www\./, '').replace(/\.$/, '');
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'prof', 'professor', 'rev', 'revd', 'reverend']);

export function normalisePerson(value: string): string {
  return normaliseAddress(value)
    .split(' ')
    .filter((w) => w && !TITLES.has(w))
    .join(' ');
}

/** The matcher for a school's facts; undefined when it has none (the rules then run exactly as before). */
export function compilePublicFacts(facts: Partial<PublicFacts> | undefined): PublicFactsMatcher | undefined {
  if (!facts) return undefined;
  const cached = cache.get(facts);
  if (cached) return cached;
  const phones = new Set((facts.phones ?? []).map(normalisePhone).filter((p) => p.length >= 7));
  const addresses = (facts.addresses ?? []).map(normaliseAddress).filter(Boolean);
  const postcodes = new Set([...(facts.postcodes ?? []), ...(facts.addresses ?? []).flatMap((a) => findPostcodes(a).map((p) => p.value))].map(normalisePostcode).filter(Boolean));
  const websites = new Set((facts.websites ?? []).map(normaliseHost).filter(Boolean));
  const people = new Set((facts.people ?? []).map(normalisePerson).filter(Boolean));
  if (!phones.size && !addresses.length && !postcodes.size && !websites.size && !people.size) return undefined;
  const matcher: PublicFactsMatcher = {
    phone: (v) => phones.has(normalisePhone(v)),
    postcode: (v) => postcodes.has(normalisePostcode(v)),
    address: (v) => {
      const a = normaliseAddress(v);
      // a street name alone ("Fen Lane") is not enough: whoever lives on the school's street still has a private address
      return a !== '' && /\d/.test(a) && addresses.some((line) => ` ${line} `.includes(` ${a} `));
    },
    website: (v) => websites.has(normaliseHost(v)),
    person: (v) => people.has(normalisePerson(v)),
  };
  cache.set(facts, matcher);
  return matcher;
}

const cache = new WeakMap<object, PublicFactsMatcher>();

const URL_TOKEN = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;

/** Spans of web addresses in `raw` that point at the school's own website (anything inside them is the school's own). */
export function ownWebsiteSpans(raw: string, facts: PublicFactsMatcher): { start: number; end: number }[] {
  if (!raw.includes('http') && !raw.includes('www.')) return [];
  return [...raw.matchAll(URL_TOKEN)].filter((m) => facts.website(m[0])).map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

/** A harassment cue that hands out a number: "her number is", "here's his number". */
const NUMBER_CUE = /\bnumber\b/i;

/**
 * "Her number is 01632 960100" where that is the school's own office number is pointing people at the school, not
 * sharing someone's phone: the cue is dropped when the first phone number after it (within a few words) is one of
 * the school's public ones. "Ring the office every day" stays harassment whatever the number.
 */
export function withoutPublicNumberCues(doc: Doc, findings: Finding[], facts: PublicFactsMatcher): Finding[] {
  const raw = doc.raw;
  const rawSpan = (f: Finding, s: Span): Span => (f.raw ? s : { start: doc.clean.start[s.start] ?? 0, end: doc.clean.end[s.end - 1] ?? 0 });
  const publicNumberAfter = (s: Span) => {
    const next = findPhones(raw.slice(s.end, s.end + 40))[0];
    return next !== undefined && /^[\s:,-]*$/.test(raw.slice(s.end, s.end + next.start)) && facts.phone(next.value);
  };
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.category !== 'abuse.harassment') {
      out.push(f);
      continue;
    }
    const spans = f.spans.filter((s) => {
      const r = rawSpan(f, s);
      return !(NUMBER_CUE.test(raw.slice(r.start, r.end)) && publicNumberAfter(r));
    });
    if (spans.length) out.push(spans.length === f.spans.length ? f : { ...f, spans });
  }
  return out;
}
