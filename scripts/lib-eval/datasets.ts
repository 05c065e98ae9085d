/** Readers for the third-party training sets in ../shared/datasets and the project's own items. */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The first of paths (from the working directory) that exists, else the first: ../shared/datasets from the main
 * checkout, ../../shared/datasets from a worktree under /work/wt. */
export const firstExisting = (...paths: string[]) => paths.map((p) => resolve(process.cwd(), p)).find((p) => existsSync(p)) ?? resolve(process.cwd(), paths[0]!);

export interface LabelledText {
  text: string;
  label: 0 | 1;
  weight: number;
  source: string;
}

/** `label<TAB>text` lines (TweetEval offensive: 1 = offensive). */
export function readTweetEval(path: string, weight = 1): LabelledText[] {
  return readTsv(path).map(([label, text]) => ({ text, label: label === '1' ? 1 : 0, weight, source: 'tweeteval' }));
}

/** Davidson et al. 2017: 0 hate speech, 1 offensive language, 2 neither. */
export function readDavidson(path: string, weight: number): LabelledText[] {
  return readTsv(path).map(([label, text]) => ({ text, label: label === '2' ? 0 : 1, weight, source: 'davidson' }));
}

function readTsv(path: string): [string, string][] {
  const rows: [string, string][] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    rows.push([line.slice(0, tab).trim(), line.slice(tab + 1)]);
  }
  return rows;
}

export interface EvalItem {
  id: string;
  school?: string;
  source?: string;
  title?: string;
  text?: string;
  expect: { mentioned: boolean; flag: boolean; family: null | 'abuse' | 'confidential' | 'reputation' | 'both' };
}

export function readJsonl<T = EvalItem>(path: string): T[] {
  if (!existsSync(path)) throw new Error(`no such file: ${path}`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch {
        throw new Error(`${path}:${i + 1}: not valid JSON`);
      }
    });
}

/** The project's own school items as classifier data: abuse (or both) = 1, anything else = 0. */
export function schoolItemsAsTraining(path: string, weight: number): LabelledText[] {
  return readJsonl(path)
    .filter((it) => it.expect.mentioned)
    .map((it) => ({
      text: [it.title, it.text].filter(Boolean).join('. '),
      label: it.expect.family === 'abuse' || it.expect.family === 'both' ? 1 : 0,
      weight,
      source: 'schoolwatch',
    }));
}
