/**
 * Validated personal identifiers. Validation beats bare patterns: GB phone numbers go through
 * libphonenumber-js, National Insurance numbers are checked against HMRC's prefix rules, unique pupil
 * numbers against the DfE check letter, and postcodes only count next to an address.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export interface IdentifierHit {
  kind: 'phone' | 'email' | 'ni-number' | 'upn' | 'postcode' | 'date';
  /** Offsets into the string searched. */
  start: number;
  end: number;
  value: string;
  detail?: string;
}

const PHONE_CANDIDATE = /(?<![\w+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d(?:[\s\-().]?\d){8,10}(?!\d)/g;

/**
 * Ofcom reserves these ranges for drama and examples; libphonenumber (rightly) calls them invalid.
 * They are treated as valid GB numbers here so that fiction-style examples and test data behave like
 * real numbers would.
 */
const OFCOM_DRAMA = /^(?:1632960\d{3}|7700900\d{3}|207946\d{4}|(?:113|114|115|116|117|118|121|131|141|151|161)4960\d{3}|1914980\d{3}|2896496\d{3}|2920180\d{3}|3069990\d{3}|8081570\d{3}|9098790\d{3})$/;

/**
 * A candidate's verdict: its type when it is a GB number (valid, or in an Ofcom drama range), else null. A pure
 * function of the candidate's text; libphonenumber builds regular expressions from its metadata on every parse (a
 * tenth of a millisecond and more), so verdicts are remembered: the same number (a school's office, a helpline) is
 * met in item after item. The table is emptied past PHONE_MEMO_MAX candidates.
 */
const phoneVerdicts = new Map<string, 'mobile' | 'landline' | null>();
const PHONE_MEMO_MAX = 5000;
function phoneVerdict(candidate: string): 'mobile' | 'landline' | null {
  let v = phoneVerdicts.get(candidate);
  if (v === undefined) {
    v = null;
    const parsed = parsePhoneNumberFromString(candidate, 'GB');
    if (parsed && parsed.countryCallingCode === '44') {
      const national = String(parsed.nationalNumber);
      const drama = OFCOM_DRAMA.test(national);
      if (parsed.isValid() || drama) v = national.startsWith('7') ? 'mobile' : 'landline';
    }
    if (phoneVerdicts.size >= PHONE_MEMO_MAX) phoneVerdicts.clear();
    phoneVerdicts.set(candidate, v);
  }
  return v;
}

export function findPhones(s: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const m of s.matchAll(PHONE_CANDIDATE)) {
    const type = phoneVerdict(m[0]);
    if (type === null) continue;
    out.push({ kind: 'phone', start: m.index!, end: m.index! + m[0].length, value: m[0], detail: type });
  }
  return out;
}

const EMAIL = /\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi;
const PERSONAL_DOMAINS = /@(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|ymail|icloud|me|mac|aol|btinternet|btopenworld|sky|virginmedia|ntlworld|talktalk|tiscali|protonmail|proton|gmx|mail|zoho)\.[a-z.]+$/i;

export function findEmails(s: string): IdentifierHit[] {
  return [...s.matchAll(EMAIL)].map((m) => ({
    kind: 'email' as const,
    start: m.index!,
    end: m.index! + m[0].length,
    value: m[0],
    detail: PERSONAL_DOMAINS.test(m[0]) ? 'personal' : 'organisation',
  }));
}

const NI = /\b([a-z]{2})\s?(\d{2})\s?(\d{2})\s?(\d{2})\s?([a-d])\b/gi;
const NI_BAD_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** HMRC rules: first letter not D F I Q U V; second not D F I O Q U V; some prefixes never issued. */
export function isValidNiNumber(value: string): boolean {
  const v = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{6}[A-D]$/.test(v)) return false;
  const [a, b] = [v[0]!, v[1]!];
  if ('DFIQUV'.includes(a) || 'DFIOQUV'.includes(b)) return false;
  return !NI_BAD_PREFIX.has(a + b);
}

export function findNiNumbers(s: string): IdentifierHit[] {
  return [...s.matchAll(NI)].filter((m) => isValidNiNumber(m[0])).map((m) => ({ kind: 'ni-number' as const, start: m.index!, end: m.index! + m[0].length, value: m[0] }));
}

/**
 * Numbers laid out as a National Insurance number is written, two letters and three pairs of digits and a letter, spaced
 * ("QQ 12 34 56 C"), whatever the prefix: a typed or invented number (QQ is HMRC's own example) is still one when its
 * context says so (a person's name on its line); the caller decides.
 */
const NI_SPACED = /\b[A-Z]{2} \d{2} \d{2} \d{2} [A-D]\b/g;

export function findNiShaped(s: string): IdentifierHit[] {
  return [...s.matchAll(NI_SPACED)].map((m) => ({ kind: 'ni-number' as const, start: m.index!, end: m.index! + m[0].length, value: m[0] }));
}

const UPN = /\b[a-z]\d{11}[a-z0-9]\b/gi;
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** DfE unique pupil number: check letter = sum(char_i * i, i = 2..13) mod 23, letters without I O S. */
export function isValidUpn(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(v)) return false;
  let sum = 0;
  for (let i = 1; i < 13; i++) {
    const c = v[i]!;
    const n = c >= '0' && c <= '9' ? Number(c) : UPN_LETTERS.indexOf(c);
    if (n < 0) return false;
    sum += n * (i + 1);
  }
  return UPN_LETTERS[sum % 23] === v[0];
}

export function findUpns(s: string): IdentifierHit[] {
  return [...s.matchAll(UPN)].filter((m) => isValidUpn(m[0])).map((m) => ({ kind: 'upn' as const, start: m.index!, end: m.index! + m[0].length, value: m[0] }));
}

/**
 * Tokens in the shape of a UPN (a letter and twelve digits or a final letter) whatever their check letter: a typed or
 * invented number is still a pupil number when its context says so (a "UPN" label, a record line); the caller decides.
 */
export function findUpnShaped(s: string): IdentifierHit[] {
  return [...s.matchAll(UPN)].map((m) => ({ kind: 'upn' as const, start: m.index!, end: m.index! + m[0].length, value: m[0] }));
}

const POSTCODE = /\b(?:[a-pr-uwyz][a-hk-y]?\d[a-z\d]?)\s?\d[abd-hjlnp-uw-z]{2}\b/gi;

export function findPostcodes(s: string): IdentifierHit[] {
  return [...s.matchAll(POSTCODE)].map((m) => ({ kind: 'postcode' as const, start: m.index!, end: m.index! + m[0].length, value: m[0] }));
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = new RegExp(String.raw`\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS})\s+(?:19|20)\d{2}|(?:${MONTHS})\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})\b`, 'gi');

export function findDates(s: string): IdentifierHit[] {
  return [...s.matchAll(DATE)].map((m) => ({ kind: 'date' as const, start: m.index!, end: m.index! + m[0].length, value: m[0] }));
}
