/**
 * The school functional test suite (HateCheck-style): templates × placeholder lists → labelled items
 * in the shared eval format, plus the functionality and template each came from.
 *
 * Pure and deterministic: the same data and seed always give the same items in the same order. The
 * knowledge lives in data/functional/ (placeholders, schools, templates); this module only expands it.
 *
 * Placeholders in a template are `{name}`:
 * - a list in placeholders.json `lists` (values may themselves contain placeholders, e.g. staff =
 *   "{staffTitle} {staffSurname}", expanded the same way);
 * - `{name2}`, `{name3}`: another value of list `name`, different from `{name}` in the same case;
 * - a school slot (`school`, `town`, `collision`, `collisionUnlisted`, `schoolPhone`, `schoolAddress`):
 *   taken from the case's school in placeholders.json `schools`, so a template names one school only.
 * The same placeholder twice in one template is the same value. A list with one value (pupil =
 * "{pupilFirst} {pupilSurname}") may repeat it in {pupil2}: its parts still differ.
 *
 * Values are drawn round-robin through a seeded shuffle of each list, one cursor per list per half,
 * so every value of a list is used once the half has drawn as many values as the list holds.
 */

export type ExpectedFamily = null | 'abuse' | 'confidential' | 'reputation' | 'both';
/** The halves the eval reports: `dev` is tuned on, `heldout` is scored and never read while tuning. */
export type Half = 'dev' | 'heldout';
/**
 * Every half the suite holds: also `heldout-b`, a second held-out half written blind (by an author
 * who never saw the scorer), with its own extra vocabulary (placeholders.heldout-b.json) and not the
 * first held-out half's; it is to be scored once, at the end of a scoring round. `heldout-c` is a third
 * blind half of the same kind (placeholders.heldout-c.json), written when heldout-b's figures became known, and
 * `heldout-d` a fourth, written when heldout-c's became known, `heldout-e` a fifth, written when heldout-d's did,
 * `heldout-f` a sixth, written when heldout-e's did, `heldout-g` a seventh, written when heldout-f's did,
 * `heldout-h` an eighth, written when heldout-g's did, `heldout-i` a ninth, written when heldout-h's did, 
 * `heldout-j` a tenth, written when heldout-i's did, `heldout-k` an eleventh, written when heldout-j's did, `heldout-l` a twelfth, written when heldout-k's did, and `heldout-m` a thirteenth, written when heldout-l's did.
 */
export type SuiteHalf = Half | 'heldout-b' | 'heldout-c' | 'heldout-d' | 'heldout-e' | 'heldout-f' | 'heldout-g' | 'heldout-h' | 'heldout-i' | 'heldout-j' | 'heldout-k' | 'heldout-l' | 'heldout-m';
/** Every half, oldest first: a held-out half's vocabulary must be new to every half before it. */
export const HALVES: readonly SuiteHalf[] = ['dev', 'heldout', 'heldout-b', 'heldout-c', 'heldout-d', 'heldout-e', 'heldout-f', 'heldout-g', 'heldout-h', 'heldout-i', 'heldout-j', 'heldout-k', 'heldout-l', 'heldout-m'];
/** The halves with their own extra vocabulary (placeholders.<half>.json). */
export type HeldoutHalf = Exclude<SuiteHalf, 'dev'>;

export interface Expectation {
  mentioned: boolean;
  flag: boolean;
  family: ExpectedFamily;
}

export interface Template {
  functionality: string;
  template: string;
  title?: string;
  source?: string;
  expect: Expectation;
}

export interface SchoolRefs {
  /** Names that unambiguously mean the school: the full name and aliases with a school word. */
  mention: string[];
  /** Context words from the school's config (its town). */
  town: string[];
  /** Same-named places listed in the school's `exclude`. */
  collision: string[];
  /** Same-named places NOT in `exclude`: a reader still knows they are not the school. */
  collisionUnlisted: string[];
  /** The school's own published office number and address (not personal data). */
  schoolPhone: string[];
  schoolAddress: string[];
}

export interface Placeholders {
  source?: string;
  lists: Record<string, string[]>;
  schools: Record<string, SchoolRefs>;
}

export interface FunctionalItem {
  id: string;
  school: string;
  source: string;
  title: string;
  text: string;
  expect: Expectation;
  functionality: string;
  template: string;
  half: SuiteHalf;
}

export interface ExpandOptions {
  half: SuiteHalf;
  seed?: number;
  /** Most cases generated from one template. */
  perTemplate?: number;
  /** Called with each list value drawn (list name or `school id:slot`, the value as written); for coverage checks. */
  onDraw?: (list: string, value: string) => void;
}

/** Template slot → the field of the case's school in placeholders.json `schools`. */
export const SCHOOL_SLOTS = {
  school: 'mention',
  town: 'town',
  collision: 'collision',
  collisionUnlisted: 'collisionUnlisted',
  schoolPhone: 'schoolPhone',
  schoolAddress: 'schoolAddress',
} as const satisfies Record<string, keyof SchoolRefs>;
type SchoolSlot = keyof typeof SCHOOL_SLOTS;
const isSchoolSlot = (s: string): s is SchoolSlot => Object.hasOwn(SCHOOL_SLOTS, s);

export const DEFAULT_SEED = 20261130;
export const DEFAULT_PER_TEMPLATE = 18;
const SOURCES = ['forum', 'facebook', 'twitter', 'reddit', 'blog', 'news'];
const FAMILIES: readonly ExpectedFamily[] = [null, 'abuse', 'confidential', 'reputation', 'both'];

export class FunctionalDataError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FunctionalDataError';
  }
}

const SLOT = /\{([A-Za-z]+?)(\d?)\}/g;

/** Placeholder names a text uses, as written (e.g. `pupil2`). */
export function slotsOf(text: string): string[] {
  return [...text.matchAll(SLOT)].map((m) => m[1]! + m[2]!);
}

/** 32-bit FNV-1a, to derive per-list seeds from names. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  const rnd = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Round-robin draws through a seeded shuffle of each list; one instance per half. */
class Drawer {
  private readonly orders = new Map<string, string[]>();
  private readonly cursors = new Map<string, number>();
  constructor(private readonly seed: number) {}

  draw(key: string, values: readonly string[], avoid: ReadonlySet<string> = new Set()): string {
    let order = this.orders.get(key);
    if (!order) {
      order = shuffled(values, this.seed ^ hash(key));
      this.orders.set(key, order);
    }
    const start = this.cursors.get(key) ?? 0;
    for (let k = 0; k < order.length; k++) {
      const v = order[(start + k) % order.length]!;
      if (!avoid.has(v)) {
        this.cursors.set(key, start + k + 1);
        return v;
      }
    }
    throw new FunctionalDataError(`list "${key}" has no value left that differs from the others in this case; add more values to it`);
  }
}

/** Check templates and placeholders fit together; throws FunctionalDataError naming the first problems. */
export function validate(placeholders: Placeholders, templates: readonly Template[], label = 'templates'): void {
  const problems: string[] = [];
  const schoolIds = Object.keys(placeholders.schools);
  if (!schoolIds.length) problems.push('placeholders.json: "schools" is empty; add at least one school');
  for (const [id, refs] of Object.entries(placeholders.schools)) {
    for (const field of Object.values(SCHOOL_SLOTS)) {
      if (!Array.isArray(refs[field]) || !refs[field].length) problems.push(`placeholders.json: school "${id}" needs a non-empty "${field}" list`);
    }
  }
  for (const [name, values] of Object.entries(placeholders.lists)) {
    if (!Array.isArray(values) || !values.length) problems.push(`placeholders.json: list "${name}" is empty`);
    else if (new Set(values).size !== values.length) problems.push(`placeholders.json: list "${name}" repeats a value`);
    if (isSchoolSlot(name)) problems.push(`placeholders.json: list "${name}" clashes with the school slot of that name; rename it`);
    for (const v of values ?? []) {
      for (const s of slotsOf(v)) if (!knownSlot(placeholders, s)) problems.push(`placeholders.json: list "${name}" value "${v}" uses unknown placeholder {${s}}`);
    }
  }
  templates.forEach((t, i) => {
    const where = `${label} line ${i + 1}`;
    if (!t.functionality || typeof t.functionality !== 'string') problems.push(`${where}: "functionality" is missing`);
    if (!t.template || typeof t.template !== 'string') problems.push(`${where}: "template" is missing`);
    const e = t.expect;
    if (!e || typeof e.mentioned !== 'boolean' || typeof e.flag !== 'boolean' || !FAMILIES.includes(e.family)) {
      problems.push(`${where}: "expect" must be {"mentioned": true|false, "flag": true|false, "family": null|"abuse"|"confidential"|"reputation"|"both"}`);
    } else {
      if (e.flag !== (e.family !== null)) problems.push(`${where}: "flag" is ${e.flag} but "family" is ${JSON.stringify(e.family)}; a flagged case needs a family and an unflagged one none`);
      if (!e.mentioned && e.flag) problems.push(`${where}: a case not about the school cannot be flagged`);
    }
    const text = `${t.title ?? ''} ${t.template ?? ''}`;
    for (const s of slotsOf(text)) if (!knownSlot(placeholders, s)) problems.push(`${where}: unknown placeholder {${s}}; add a list "${s.replace(/\d$/, '')}" to placeholders.json or fix the name`);
  });
  if (problems.length) throw new FunctionalDataError(problems.slice(0, 8).join('\n') + (problems.length > 8 ? `\n… and ${problems.length - 8} more` : ''));
}

function knownSlot(p: Placeholders, slot: string): boolean {
  const base = slot.replace(/\d$/, '');
  return isSchoolSlot(base) || base in p.lists;
}

/** Expand one half's templates into items. Templates are expected in file order. */
export function expand(placeholders: Placeholders, templates: readonly Template[], options: ExpandOptions): FunctionalItem[] {
  validate(placeholders, templates, `templates.${options.half}.jsonl`);
  const seed = (options.seed ?? DEFAULT_SEED) ^ hash(options.half);
  const perTemplate = options.perTemplate ?? DEFAULT_PER_TEMPLATE;
  const drawer = new Drawer(seed);
  const schoolIds = Object.keys(placeholders.schools).sort();
  const items: FunctionalItem[] = [];
  const perFunctionality = new Map<string, number>();

  for (const t of templates) {
    const tIndex = perFunctionality.get(t.functionality) ?? 0;
    perFunctionality.set(t.functionality, tIndex + 1);
    const seen = new Set<string>();
    // a few extra attempts, so templates with few combinations still stop rather than loop
    for (let attempt = 0, made = 0; made < perTemplate && attempt < perTemplate * 3; attempt++) {
      const school = drawer.draw('school id', schoolIds);
      const refs = placeholders.schools[school]!;
      const bound = new Map<string, string>();
      const rawBound = new Map<string, string>();
      const drawn: [string, string][] = [['school id', school]];
      // `inherit` carries a slot's number into its parts: in {pupil2} = "{pupilFirst} {pupilSurname}"
      // the parts bind as pupilFirst2 and pupilSurname2, so they differ from {pupil}'s own parts
      const fill = (text: string, depth: number, inherit: string): string =>
        text.replace(SLOT, (_m, base: string, n: string) => {
          const slot = base + (n || inherit);
          const got = bound.get(slot);
          if (got !== undefined) return got;
          if (depth > 4) throw new FunctionalDataError(`placeholder {${slot}} expands into itself; check list "${base}"`);
          const values = isSchoolSlot(base) ? refs[SCHOOL_SLOTS[base]] : placeholders.lists[base]!;
          const key = isSchoolSlot(base) ? `${school}:${base}` : base;
          // {x2} differs from {x} and {x3}… in the same case (compared as written in the list)
          const avoid = new Set([...rawBound].filter(([k]) => k !== slot && k.replace(/\d$/, '') === base).map(([, v]) => v));
          const raw = drawer.draw(key, values, values.length > avoid.size ? avoid : new Set());
          rawBound.set(slot, raw);
          drawn.push([key, raw]);
          const value = fill(raw, depth + 1, n || inherit);
          bound.set(slot, value);
          return value;
        });
      const title = t.title ? fill(t.title, 0, '') : '';
      const text = fill(t.template, 0, '');
      const key = `${title}\n${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // only draws of kept cases count as used
      for (const [list, value] of drawn) options.onDraw?.(list, value);
      items.push({
        id: `fn-${options.half}-${t.functionality}-${tIndex + 1}-${made + 1}`,
        school,
        source: t.source ?? SOURCES[(tIndex + made) % SOURCES.length]!,
        title,
        text,
        expect: { ...t.expect },
        functionality: t.functionality,
        template: t.template,
        half: options.half,
      });
      made++;
    }
  }
  return items;
}

/** Parse a templates JSON-lines file's text; throws FunctionalDataError naming the bad line. */
export function parseTemplates(text: string, label: string): Template[] {
  const out: Template[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as Template);
    } catch (cause) {
      throw new FunctionalDataError(`${label} line ${i + 1} is not valid JSON; each line must be one template object`, { cause });
    }
  });
  return out;
}
