/**
 * The words of a school's own names and context (scoreItem's `notNames`) as the name finders read them: lower case,
 * split at anything but a letter. The same few lists come with every item scored for a school, so each list's set is
 * made once and remembered (by the list's text: the caller builds a new array per item). Shared: do not modify it.
 */
const memo = new Map<string, ReadonlySet<string>>();
/** Lists remembered at most (a long-running process scoring for many schools): past this the memo starts again. */
const MAX_LISTS = 256;
const NONE: ReadonlySet<string> = new Set();

export function notNameWords(notNames: readonly string[] | undefined): ReadonlySet<string> {
  if (!notNames || !notNames.length) return NONE;
  const key = notNames.join('\u0000');
  let words = memo.get(key);
  if (!words) {
    words = new Set(notNames.flatMap((n) => n.toLowerCase().split(/[^a-z\u00C0-\u024F]+/)).filter(Boolean));
    if (memo.size >= MAX_LISTS) memo.clear();
    memo.set(key, words);
  }
  return words;
}
