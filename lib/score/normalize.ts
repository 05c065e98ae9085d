/**
 * Text views with offset maps back to the original string, so every match found in a
 * normalised view can be reported as evidence at its exact place in the input.
 *
 * - `foldText`: zero-width characters removed, diacritics stripped, compatibility forms folded
 *   (fancy Unicode letters, full-width), curly quotes straightened, lower-cased.
 * - `cleanText`: the fold view plus de-obfuscation for lexicon matching: leetspeak (sh1t, w@nker),
 *   masked words (f***, c*nt), spaced-out letters (s h i t), stretched letters (fuuuck).
 */
import lexiconJson from './model/lexicons.json';
import { fromLexiconFile, type CompactLexiconFile } from './lexicon-data';

const lexiconEntries = fromLexiconFile(lexiconJson as CompactLexiconFile);

export interface TextView {
  text: string;
  /** start[i]: index in the original string of the character that produced view char i. */
  start: number[];
  /** end[i]: exclusive end in the original string of that character. */
  end: number[];
}

const ZERO_WIDTH = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\uFE00-\uFE0F\uFEFF]/;
const COMBINING = /\p{M}/gu;
const PUNCT_FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201B': "'", '\u2032': "'", '`': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2010': '-', '\u2011': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ', '\u2007': ' ', '\u3000': ' ',
  '\u0131': 'i', '\u00F8': 'o', '\u00D8': 'o', '\u0142': 'l', '\u0141': 'l', '\u00DF': 'ss', '\u00E6': 'ae', '\u00C6': 'ae', '\u0153': 'oe',
};

/** Lower-case, strip diacritics and zero-width characters; offsets map back to `input`. */
const ASCII_ONLY = /^[\x00-\x7F]*$/;

/**
 * 0, 1, 2, …: an ASCII text's offset maps are views of it (start[i] = i, end[i] = i + 1), not two new arrays per
 * text. Read-only: nothing writes into a view's maps. Out of range they read undefined, as an array does.
 */
let IDENTITY = new Int32Array(0);
function identityMaps(n: number): { start: number[]; end: number[] } {
  if (IDENTITY.length < n + 1) {
    IDENTITY = new Int32Array(Math.max(n + 1, 2 * IDENTITY.length, 4096));
    for (let i = 0; i < IDENTITY.length; i++) IDENTITY[i] = i;
  }
  return { start: IDENTITY.subarray(0, n) as unknown as number[], end: IDENTITY.subarray(1, n + 1) as unknown as number[] };
}

export function foldText(input: string): TextView {
  if (ASCII_ONLY.test(input)) {
    const { start, end } = identityMaps(input.length);
    return { text: input.toLowerCase(), start, end };
  }
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  const n = input.length;
  for (let i = 0; i < n; ) {
    const code = input.charCodeAt(i);
    if (code < 128) {
      // a run of ASCII, lower-cased whole (not a string per character), one offset pair per character
      let j = i + 1;
      while (j < n && input.charCodeAt(j) < 128) j++;
      out += input.slice(i, j).toLowerCase();
      for (let k = i; k < j; k++) {
        start.push(k);
        end.push(k + 1);
      }
      i = j;
      continue;
    }
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = input.slice(i, i + width);
    if (!ZERO_WIDTH.test(ch)) {
      let folded = PUNCT_FOLD[ch];
      if (folded === undefined) {
        const decomposed = ch.normalize('NFKD').replace(COMBINING, '');
        folded = decomposed.length > 0 && decomposed.length <= 4 ? decomposed.toLowerCase() : ch.toLowerCase();
      }
      // one offset pair per UTF-16 unit of the view (an emoji is two), so view positions index the maps directly
      out += folded;
      for (let u = 0; u < folded.length; u++) {
        start.push(i);
        end.push(i + width);
      }
    }
    i += width;
  }
  return { text: out, start, end };
}

const LEET_DIGIT: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g' };
const LEET_SYMBOL: Record<string, string> = { '@': 'a', '$': 's', '!': 'i', '|': 'l', '€': 'e', '£': 'e' };

/**
 * Words people mask with asterisks. A masked token ("f***", "sh*thole") is resolved to the first
 * entry of the same length whose visible letters agree.
 */
const MASK_TARGETS = [
  'fuck', 'fucking', 'fucked', 'fucker', 'fuckers', 'fuckin', 'fucks', 'shit', 'shite', 'shits', 'shitty', 'shithole', 'shitholes',
  'cunt', 'cunts', 'bitch', 'bitches', 'twat', 'twats', 'wanker', 'wankers', 'bastard', 'bastards', 'bollocks', 'arsehole', 'asshole',
  'dickhead', 'prick', 'slag', 'slut', 'whore', 'nonce', 'paedo', 'faggot', 'faggots', 'nigger', 'niggers', 'nigga', 'retard', 'retards',
  'spastic', 'paki', 'pakis', 'motherfucker', 'bullshit', 'piss', 'pissed', 'cock', 'dick', 'crap',
  'gyppo', 'gyppos', 'dyke', 'dykes', 'spaz', 'spazz', 'poof', 'poofs', 'pikey', 'pikeys', 'tranny', 'coon', 'coons', 'chink', 'chinks', 'wog', 'wogs', 'bender', 'nigga', 'faggot', 'fag', 'fags', 'mong', 'mongs', 'nonces', 'paedos', 'slags', 'sluts',
];
/**
 * After those, every one-word slur, profanity and insult of the lexicon data (data/lexicons), so a new
 * slur added as one line is also found masked ("h*mo"); the hand list above keeps its priority.
 */
const MASKABLE_CATEGORIES = new Set(['slur', 'profanity', 'insult-noun']);
const LEXICON_MASK_TARGETS = lexiconEntries.filter((e) => MASKABLE_CATEGORIES.has(e.category) && /^[a-z]{4,}$/.test(e.term)).map((e) => e.term);
const HAND_MASK_TARGETS = new Set(MASK_TARGETS);
const MASK_BY_LENGTH = new Map<number, string[]>();
for (const w of new Set([...MASK_TARGETS, ...LEXICON_MASK_TARGETS])) {
  const list = MASK_BY_LENGTH.get(w.length) ?? [];
  list.push(w);
  MASK_BY_LENGTH.set(w.length, list);
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && c >= 'a' && c <= 'z';
}

function resolveMask(token: string): string | null {
  const candidates = MASK_BY_LENGTH.get(token.length);
  if (!candidates || !isLetter(token[0])) return null;
  let visible = 0;
  for (const t of token) if (isLetter(t)) visible++;
  outer: for (const cand of candidates) {
    // a lexicon word needs two visible letters to be guessed ("h*mo", not "h***")
    if (visible < 2 && !HAND_MASK_TARGETS.has(cand)) continue;
    for (let k = 0; k < token.length; k++) {
      const t = token[k]!;
      if (t === '*' || t === '#' || t === '%' || t === '_') continue;
      if (t !== cand[k]) continue outer;
    }
    return cand;
  }
  return null;
}

/** Token = run of letters, digits and obfuscation symbols. */
function isTokenChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '*' || c === '@' || c === '$' || c === '!' || c === '|' || c === '#' || c === '€' || c === '£' || c === '%' || c === '_' || c === "'";
}

/** De-obfuscate one token in place (same length, so offsets are unchanged). */
function cleanToken(chars: string[]): void {
  let letters = 0;
  let masks = 0;
  for (const c of chars) {
    if (isLetter(c)) letters++;
    else if (c === '*' || c === '%' || c === '_' || c === '#') masks++;
  }
  if (letters === 0) return;
  // leetspeak: digits inside words with at least two letters; symbols only between letters
  if (letters >= 2) {
    for (let k = 0; k < chars.length; k++) {
      const c = chars[k]!;
      const d = LEET_DIGIT[c];
      if (d && (isLetter(chars[k - 1]) || isLetter(chars[k + 1]))) chars[k] = d;
    }
  }
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    const sym = LEET_SYMBOL[c];
    if (!sym) continue;
    const prev = chars[k - 1];
    const next = chars[k + 1];
    const prevOk = isLetter(prev) || (prev !== undefined && LEET_SYMBOL[prev] !== undefined);
    const nextOk = isLetter(next) || (next !== undefined && LEET_SYMBOL[next] !== undefined);
    if ((prevOk && nextOk) || (c === '$' && prevOk)) chars[k] = sym;
  }
  if (masks > 0) {
    // strip trailing punctuation-like masks only when they are inside the word
    const word = chars.join('');
    const core = word.replace(/^'+|'+$/g, '');
    const offset = word.indexOf(core);
    const resolved = resolveMask(core);
    if (resolved) for (let k = 0; k < resolved.length; k++) chars[offset + k] = resolved[k]!;
  }
}

/**
 * Clean view for lexicon matching and the classifier. Built from the fold view; offsets still map to
 * the original input.
 */
const NEEDS_CLEANING = /[a-z][0-9@$!|\u20AC\u00A3]+[a-z]|[a-z0-9]\*|\*[a-z]|[a-z][#%_][a-z]|[0-9][a-z]{2}|[a-z]{2}[0-9]|[a-z]\$\$|(?:^|[^a-z])[a-z][ ._-][a-z][ ._-][a-z](?![a-z])|([a-z])\1\1/;

export function cleanText(fold: TextView): TextView {
  if (!NEEDS_CLEANING.test(fold.text)) return fold;
  const src = fold.text;
  const n = src.length;
  // 1) tokens: leet and masks
  const chars: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  while (i < n) {
    const c = src[i]!;
    if (!isTokenChar(c) || c === "'") {
      chars.push(c);
      start.push(fold.start[i]!);
      end.push(fold.end[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < n && isTokenChar(src[j]!)) j++;
    const tokChars = src.slice(i, j).split('');
    const ts = fold.start.slice(i, j);
    const te = fold.end.slice(i, j);
    if (tokChars[0] !== '#' && tokChars[0] !== '@') cleanToken(tokChars);
    else if (tokChars.length > 1) {
      const rest = tokChars.slice(1);
      cleanToken(rest);
      for (let k = 0; k < rest.length; k++) tokChars[k + 1] = rest[k]!;
    }
    for (let k = 0; k < tokChars.length; k++) {
      chars.push(tokChars[k]!);
      start.push(ts[k]!);
      end.push(te[k]!);
    }
    i = j;
  }
  // 2) spaced-out letters: "s h i t", "f.u.c.k", "f a g g o t s" (three or more single letters)
  const c2: string[] = [];
  const s2: number[] = [];
  const e2: number[] = [];
  const m = chars.length;
  i = 0;
  while (i < m) {
    if (isLetter(chars[i]) && !isLetter(chars[i - 1]) && !isLetter(chars[i + 1])) {
      let j = i;
      let count = 0;
      const idx: number[] = [];
      while (j < m && isLetter(chars[j]) && !isLetter(chars[j + 1]) && (j === i || !isLetter(chars[j - 1]))) {
        idx.push(j);
        count++;
        const sep = chars[j + 1];
        if ((sep === ' ' || sep === '.' || sep === '-' || sep === '_') && isLetter(chars[j + 2]) && !isLetter(chars[j + 3])) j += 2;
        else break;
      }
      if (count >= 3) {
        for (const k of idx) {
          c2.push(chars[k]!);
          s2.push(start[k]!);
          e2.push(end[k]!);
        }
        i = idx[idx.length - 1]! + 1;
        continue;
      }
    }
    c2.push(chars[i]!);
    s2.push(start[i]!);
    e2.push(end[i]!);
    i++;
  }
  // 3) stretched letters: three or more of the same letter become one ("fuuuck", "shiiit")
  const c3: string[] = [];
  const s3: number[] = [];
  const e3: number[] = [];
  for (let k = 0; k < c2.length; k++) {
    const c = c2[k]!;
    if (isLetter(c) && c2[k - 1] === c && c2[k - 2] === c) {
      e3[e3.length - 1] = e2[k]!;
      continue;
    }
    if (isLetter(c) && c2[k - 1] === c && c2[k + 1] === c) {
      e3[e3.length - 1] = e2[k]!;
      continue;
    }
    c3.push(c);
    s3.push(s2[k]!);
    e3.push(e2[k]!);
  }
  return { text: c3.join(''), start: s3, end: e3 };
}

/** Original-string span for view span [from, to). */
export function toOriginal(view: TextView, from: number, to: number): { start: number; end: number } {
  if (to <= from) return { start: view.start[from] ?? 0, end: view.start[from] ?? 0 };
  return { start: view.start[from]!, end: view.end[to - 1]! };
}
