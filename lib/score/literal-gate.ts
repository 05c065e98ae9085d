/**
 * Literal gates: strings one of which is in every text a pattern can match, read off the pattern's source, so the
 * pattern is not run over a text that holds none of them. Complements word-gate.ts, which needs whole words after
 * \b: the lexicon's `re:` lines ("f+u+c+k+…", "14\s*88", "[a-z]+(?=\)\)\))") start with repeats, digits and classes it
 * cannot read, so their categories were run over every text. Exact in the same sense: "none of them is in the text"
 * is said only when the pattern could not have matched.
 *
 * What is read: literal characters (plain, or punctuation escaped), quantifiers (a character or group repeated at
 * least once is required; `?`, `*`, `{0,…}` make it optional), groups, alternations (each alternative must need one
 * of the set) and positive look-arounds (what they need is in the text too). Anything else (classes, \s, \w, `.`,
 * back-references, negative look-arounds) requires nothing and ends a run of literal characters. A character
 * repeated with `+` still ends a literal at its first occurrence and starts one at its last ("n+i+g+g+" needs "ni",
 * "ig" and "gg", each on its own).
 */

interface Req {
  /** One of these is in every text the part matches; undefined: nothing known. */
  lits: string[] | undefined;
}

/**
 * Strings one of which every text the pattern matches contains (undefined when the reader cannot tell, when the
 * strings would be in almost every text anyway, or when the flags change how the source reads: i, y, v).
 */
export function literalGate(re: RegExp): readonly string[] | undefined {
  if (/[ivy]/.test(re.flags)) return undefined;
  try {
    const p = new Parser(re.source, re.flags.includes('u'));
    const r = p.alternation();
    if (p.i !== re.source.length || !r.lits?.length || chance(r.lits) > MAX_CHANCE) return undefined;
    return [...new Set(r.lits)];
  } catch {
    return undefined;
  }
}

/** More strings than this make a gate that costs about what the pattern itself does. */
const MAX_STRINGS = 4;

/**
 * The gate as a test, or undefined when it would not pay (irregexp is quick to fail, so a gate of many strings costs
 * about what the pattern does). By `includes`, which for a few strings costs about what one alternation of them does,
 * and is no regular-expression run over a long text (test/unit/score-long-input.test.ts counts those).
 */
export function literalGateTest(re: RegExp): ((text: string) => boolean) | undefined {
  const lits = literalGate(re);
  if (!lits || lits.length > MAX_STRINGS) return undefined;
  return (text) => {
    for (let k = 0; k < lits.length; k++) if (text.includes(lits[k]!)) return true;
    return false;
  };
}

/**
 * How often a character stands at a place in English text (letters by their frequency, a space often, digits and
 * punctuation seldom): the strings of a gate should be rare, so that it shuts for most texts. A speed choice only:
 * any of the requirement sets read off a pattern is exact.
 */
const FREQ: Record<string, number> = { e: 0.127, t: 0.091, a: 0.082, o: 0.075, i: 0.07, n: 0.067, s: 0.063, h: 0.061, r: 0.06, d: 0.043, l: 0.04, c: 0.028, u: 0.028, m: 0.024, w: 0.024, f: 0.022, g: 0.02, y: 0.02, p: 0.019, b: 0.015, v: 0.01, k: 0.008, ' ': 0.15, '.': 0.01, ',': 0.01 };
const charChance = (c: string) => FREQ[c] ?? (/[a-z]/.test(c) ? 0.002 : 0.004);
/** Roughly how likely one of the strings is to start at a given place of a text. */
export function chance(lits: readonly string[]): number {
  return lits.reduce((t, s) => t + [...s].reduce((p, c) => p * charChance(c), 1), 0);
}
/** A gate more likely than this at each place is in nearly every text: not worth a look-up. */
const MAX_CHANCE = 0.004;

/** The better of two requirement sets: the less likely in a text. */
function better(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  return chance(b) < chance(a) ? b : a;
}

class ParseError extends Error {}

class Parser {
  i = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  /** a|b|c up to a ')' or the end: every alternative must need something. */
  alternation(): Req {
    const alts: Req[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    if (alts.some((a) => !a.lits)) return { lits: undefined };
    return { lits: alts.flatMap((a) => a.lits!) };
  }

  /** A run of elements: the best single requirement among them (a literal run, or one element's set). */
  sequence(): Req {
    let best: string[] | undefined;
    let run = '';
    const endRun = () => {
      if (run) best = better(best, [run]);
      run = '';
    };
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      const q = this.quantifier();
      if (atom.kind === 'char') {
        if (q === 'none') run += atom.ch;
        else if (q === 'some') {
          // at least one: the run goes on to its first occurrence, and a new run starts at its last
          run += atom.ch;
          endRun();
          run = atom.ch;
        } else endRun();
        continue;
      }
      endRun();
      if (atom.kind === 'group' && q !== 'optional') best = better(best, atom.req.lits);
      if (atom.kind === 'look' && q !== 'optional') best = better(best, atom.req.lits);
    }
    endRun();
    return { lits: best };
  }

  /** How often the atom just read may repeat: exactly once, at least once, or possibly never. */
  quantifier(): 'none' | 'some' | 'optional' {
    const c = this.src[this.i];
    let q: 'none' | 'some' | 'optional' = 'none';
    if (c === '?' || c === '*') {
      q = 'optional';
      this.i++;
    } else if (c === '+') {
      q = 'some';
      this.i++;
    } else if (c === '{') {
      // read up to the first "}" only: the quantifier cannot reach past it, and a pattern's source may be long
      const close = this.src.indexOf('}', this.i);
      const m = close < 0 ? null : /^\{(\d+)(,\d*)?\}/.exec(this.src.slice(this.i, close + 1));
      if (!m) return 'none'; // a literal "{" (only without the u flag): read as a character next time round
      q = Number(m[1]) === 0 ? 'optional' : Number(m[1]) === 1 && !m[2] ? 'none' : 'some';
      this.i += m[0].length;
    } else return 'none';
    if (this.src[this.i] === '?') this.i++; // lazy: the same counts
    return q;
  }

  atom(): { kind: 'char'; ch: string } | { kind: 'group'; req: Req } | { kind: 'look'; req: Req } | { kind: 'other' } {
    const s = this.src;
    const c = s[this.i]!;
    if (c === '(') {
      this.i++;
      let kind: 'group' | 'look' | 'neg' = 'group';
      if (s.startsWith('?:', this.i)) this.i += 2;
      else if (s.startsWith('?=', this.i) || s.startsWith('?<=', this.i)) {
        kind = 'look';
        this.i += s[this.i + 1] === '<' ? 3 : 2;
      } else if (s.startsWith('?!', this.i) || s.startsWith('?<!', this.i)) {
        kind = 'neg';
        this.i += s[this.i + 1] === '<' ? 3 : 2;
      } else if (s.startsWith('?<', this.i)) {
        const close = s.indexOf('>', this.i);
        if (close < 0) throw new ParseError();
        this.i = close + 1;
      } else if (s[this.i] === '?') throw new ParseError();
      const req = this.alternation();
      if (s[this.i] !== ')') throw new ParseError();
      this.i++;
      return kind === 'neg' ? { kind: 'other' } : { kind, req };
    }
    if (c === '[') {
      // a class: skipped whole (escapes inside it included)
      this.i++;
      if (s[this.i] === '^') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      if (s[this.i] !== ']') throw new ParseError();
      this.i++;
      return { kind: 'other' };
    }
    if (c === '\\') {
      const e = s[this.i + 1];
      if (e === undefined) throw new ParseError();
      if (/[pPuxck]/.test(e)) {
        // \p{…}, \u…, \x…, \cX, \k<name>: read past them; they stand for no known literal. Only the well-formed part is
        // skipped: without the u flag "\xg", "\uab", "\c1", "\k" are the letter (and what follows is pattern again)
        const rest = s.slice(this.i + 2, this.i + 66);
        const hex = (n: number) => new RegExp(`^[0-9A-Fa-f]{${n}}`).test(rest);
        let len = 0;
        if (e === 'u') len = this.unicode && /^\{[0-9A-Fa-f]+\}/.test(rest) ? rest.indexOf('}') + 1 : hex(4) ? 4 : 0;
        else if (e === 'x') len = hex(2) ? 2 : 0;
        else if (e === 'c') len = /^[A-Za-z]/.test(rest) ? 1 : 0;
        else if (e === 'k') len = /^<[$\w]+>/.exec(rest)?.[0].length ?? 0;
        else if (this.unicode) len = /^\{[^}]*\}/.exec(rest)?.[0].length ?? 0;
        this.i += 2 + len;
        return { kind: 'other' };
      }
      this.i += 2;
      // an escaped punctuation mark is that character; letters and digits are classes, boundaries, back-references
      if (/[^A-Za-z0-9]/.test(e)) return { kind: 'char', ch: e };
      return { kind: 'other' };
    }
    if (c === '.' || c === '^' || c === '$') {
      this.i++;
      return { kind: 'other' };
    }
    if (c === '*' || c === '+' || c === '?' || (c === '{' && this.unicode)) throw new ParseError();
    // a plain character (in a u-flag pattern, a code point: a surrogate pair is read whole, as its quantifier repeats it)
    const ch = this.unicode ? String.fromCodePoint(s.codePointAt(this.i)!) : c;
    this.i += ch.length;
    return { kind: 'char', ch };
  }
}
