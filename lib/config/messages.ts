import { z } from 'zod';

/**
 * zod issues → messages in people's words, shared by the CLI, the JSON API and the forms.
 *
 * `fieldMessage` is what goes next to a form field (the label is already on the page): zod's own wording
 * ("Too big: expected number to be <=23") is rewritten ("must be between 0 and 23"); the project's own
 * messages ("must be an email address") are kept. `issueSentence` adds the field's name for places with no
 * label beside it (the CLI, API problem lists): "Digest hour must be between 0 and 23",
 * "unknown field 'recipient' — did you mean 'recipients'?". Passing the root schema lets a bound be stated
 * with both ends and an unknown field be matched to the nearest allowed one.
 */

/** Names people know fields by. Anything not listed is de-camel-cased ("allClear" → "All clear"). */
const LABELS: Record<string, string> = {
  id: 'Id',
  digestHour: 'Digest hour',
  retentionMonths: 'Retention months',
  recipients: 'Recipients',
  urgentRecipients: 'Urgent recipients',
  allClear: 'All-clear',
  url: 'Feed address',
  source: 'Feed source',
  extraTerms: 'Extra terms',
  rollup: 'Roll-up',
  replaceSchoolDigests: 'Replace school digests',
  schoolId: 'School',
  trustId: 'Trust',
  email: 'Email address',
};

export function fieldLabel(path: readonly PropertyKey[]): string {
  const at = path.length - 1;
  const last = path[at];
  if (typeof last === 'number') {
    const owner = path[at - 1];
    return `${owner === undefined ? 'Item' : fieldLabel([owner])} entry ${last + 1}`;
  }
  if (last === undefined) return 'The file';
  const key = String(last);
  return LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()).replace(/ ([A-Z])(?=[a-z])/g, (_m, c: string) => ` ${c.toLowerCase()}`);
}

type AnySchema = z.core.$ZodType;
const def = (s: AnySchema) => (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;

/** The schema at `path` inside `root`, looking through defaults, optionals, pipes, arrays and unions. */
export function schemaAt(root: AnySchema | undefined, path: readonly PropertyKey[]): AnySchema | undefined {
  let s = root;
  for (const key of path) {
    s = unwrap(s);
    if (!s) return undefined;
    const d = def(s);
    if (d.type === 'object' && typeof key === 'string') s = (d.shape as Record<string, AnySchema>)[key];
    else if (d.type === 'array' && typeof key === 'number') s = d.element as AnySchema;
    else if (d.type === 'union' && typeof key === 'string') s = (d.options as AnySchema[]).map((o) => schemaAt(o, [key])).find(Boolean);
    else return undefined;
  }
  return unwrap(s);
}

function unwrap(s: AnySchema | undefined): AnySchema | undefined {
  for (let i = 0; s && i < 10; i++) {
    const d = def(s);
    if (d.type === 'default' || d.type === 'optional' || d.type === 'nullable' || d.type === 'prefault' || d.type === 'readonly') s = d.innerType as AnySchema;
    else if (d.type === 'pipe') s = d.in as AnySchema;
    else return s;
  }
  return s;
}

/** The allowed keys of the object at `path` (every option's keys for a union of objects). */
function keysAt(root: AnySchema | undefined, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(root, path);
  if (!s) return [];
  const d = def(s);
  if (d.type === 'object') return Object.keys(d.shape as object);
  if (d.type === 'union') return [...new Set((d.options as AnySchema[]).flatMap((o) => keysAt(o, [])))];
  return [];
}

function numberBounds(s: AnySchema | undefined): { min?: number; max?: number } {
  if (!s || def(s).type !== 'number') return {};
  const n = s as unknown as { minValue: number | null; maxValue: number | null };
  const finite = (v: number | null) => (v !== null && Number.isFinite(v) && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v : undefined);
  return { min: finite(n.minValue), max: finite(n.maxValue) };
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized|Expected|Required)/;
const TYPE_WORDS: Record<string, string> = { number: 'a number', string: 'text', boolean: 'true or false', array: 'a list', object: 'an object ({…})', int: 'a whole number' };
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The message for a form field (no field name): zod's own wording rewritten, the project's kept. */
export function fieldMessage(issue: z.core.$ZodIssue, root?: AnySchema): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(root, issue.path);
      return issue.keys
        .map((k) => {
          const near = closest(k, allowed);
          return near ? `unknown field '${k}' — did you mean '${near}'?` : allowed.length ? `unknown field '${k}' (the fields here are ${allowed.map((a) => `'${a}'`).join(', ')})` : `unknown field '${k}'`;
        })
        .join('; ');
    }
    case 'too_big':
    case 'too_small': {
      const origin = String(i.origin ?? '');
      if (origin === 'number' || origin === 'int') {
        const { min, max } = numberBounds(schemaAt(root, issue.path));
        if (min !== undefined && max !== undefined) return `must be between ${min} and ${max}`;
        return issue.code === 'too_big' ? `must be at most ${String(i.maximum)}` : `must be at least ${String(i.minimum)}`;
      }
      if (origin === 'string') return issue.code === 'too_big' ? `must be at most ${plural(Number(i.maximum), 'character')}` : Number(i.minimum) <= 1 ? 'must not be empty' : `must be at least ${plural(Number(i.minimum), 'character')}`;
      if (origin === 'array') return issue.code === 'too_big' ? `can have at most ${plural(Number(i.maximum), 'entry', 'entries')}` : `needs at least ${plural(Number(i.minimum), 'entry', 'entries')}`;
      return issue.code === 'too_big' ? 'is too big' : 'is too small';
    }
    case 'invalid_type': {
      if (/received undefined/.test(issue.message)) return 'is required';
      const expected = String(i.expected ?? '');
      return `must be ${TYPE_WORDS[expected] ?? expected}`;
    }
    case 'invalid_value': {
      const values = (i.values as unknown[] | undefined) ?? [];
      return values.length === 1 ? `must be ${JSON.stringify(values[0])}` : `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    case 'invalid_union': {
      const disc = schemaAt(root, issue.path.slice(0, -1));
      if (disc && def(disc).type === 'union') {
        const options = (def(disc).options as AnySchema[]).map((o) => schemaAt(o, issue.path.slice(-1))).filter(Boolean) as AnySchema[];
        const values = options.flatMap((o) => ((def(o).values as unknown[]) ?? []).map(String));
        if (values.length) return `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
      }
      return 'is not in a form Schoolwatch understands';
    }
    case 'invalid_format':
      return `is not a valid ${String(i.format ?? 'value')}`;
    default:
      return 'is not valid';
  }
}

/** A whole sentence naming the field, for the CLI and API problem lists. */
export function issueSentence(issue: z.core.$ZodIssue, root?: AnySchema): string {
  const message = fieldMessage(issue, root);
  if (issue.code === 'unrecognized_keys' && message.startsWith('unknown field')) return message;
  // "must be …" reads as a sentence after the field's name; a message phrased otherwise ("list at most 200
  // entries", "duplicate school id") is already complete beside the path the caller prints.
  return /^(must|is|are|needs|can|has|should) /.test(message) ? `${fieldLabel(issue.path)} ${message}` : message;
}

/** The dotted-with-brackets path people can find in a file: `trusts[0].schools[1].digestHour`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/**
 * JSON.parse with a message that says where: "line 3, column 14: Expected ',' or '}' after property value".
 * Returns the value, or throws JsonSyntaxError.
 */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const raw = (err as Error).message;
    const at = /at position (\d+)/.exec(raw);
    const pos = at ? Number(at[1]) : text.length;
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    const what = raw.replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)/, '').replace(/, "[^"]*" is not valid JSON$/, '');
    throw new JsonSyntaxError(`line ${line}, column ${column}: ${what || 'not valid JSON'}`, line, column, { cause: err });
  }
}
