/**
 * Word lists for the abuse rules, matched against the clean (de-obfuscated) view. Entries are
 * regular-expression fragments; `\b` boundaries are added by the matcher. Weights are the
 * confidence one hit contributes (combined noisy-or within a category).
 */

export interface Term {
  re: string;
  weight: number;
}

const t = (weight: number, ...res: string[]): Term[] => res.map((re) => ({ re, weight }));

/** Strong swearing: obscene on its own. */
export const PROFANITY: Term[] = t(
  0.6,
  String.raw`(?:mother)?f+u+c+k+(?:ing?|in'?|ed|er|ers|s|face|wit|wits|head|heads|tard)?`,
  String.raw`f(?:c?king?|kn|k|kin|ckin|ukin|uk|uking|uckn|ckn|ing)`,
  String.raw`effing`, String.raw`ph?uck(?:ing|ed)?`,
  String.raw`c+u+n+t+s?`, String.raw`twats?`, String.raw`wank(?:er|ers|ing|y)?`, String.raw`bollocks`,
  String.raw`(?:arse|ass)holes?`, String.raw`dick(?:head|heads|s)?`, String.raw`pricks?`, String.raw`bellends?`,
  String.raw`cock(?:s|womble|wombles|sucker|suckers)?`, String.raw`knob(?:head|heads|s)?`, String.raw`tossers?`,
  String.raw`bastards?`, String.raw`sh(?:i|y)te?s?`, String.raw`shit(?:hole|holes|head|heads|ty|bag|bags|e|s)?`, String.raw`bullshit`,
  String.raw`bitch(?:es|y)?`, String.raw`motherf\w*`, String.raw`wtf`, String.raw`stfu`, String.raw`ffs`, String.raw`gtfo`, String.raw`piss\s+off`,
  String.raw`go\s+(?:and\s+)?(?:fuck|screw)\s+(?:it|your|them|him|her)self`,
);

/** Mild swearing: adds weight but never flags alone. */
export const MILD_PROFANITY: Term[] = t(0.15, 'bloody', 'crap(?:py)?', 'damn(?:ed)?', 'bugger', 'sod', 'arse', 'pissed', 'piss', 'hell');

/** Insulting nouns for people: disparaging on their own (unless negated). */
export const INSULT_NOUNS: Term[] = [
  ...t(0.85, 'idiots?', 'morons?', 'imbeciles?', 'cretins?', 'scum(?:bags?)?', 'scrotes?', 'vermin', 'parasites?', 'maggots?', 'muppets?',
    'buffoons?', 'losers?', 'prats?', 'plonkers?', 'pillocks?', 'numpty', 'numpties', 'halfwits?', 'dimwits?', 'dunces?', 'nitwits?',
    'slags?', 'sluts?', 'whores?', 'slobs?', 'hags?', 'weasels?', 'lapdogs?', 'little\\s+hitler', 'clown\\s+show', 'waste\\s+of\\s+(?:space|oxygen|skin)',
    'scroungers?', 'freeloaders?', 'degenerates?', 'lowlifes?', 'low-lifes?', 'snowflakes?', 'jobsworths?', 'thugs?', 'psychos?', 'nutters?',
    'lunatics?', 'hypocrites?', 'bigots?', 'crooks?', 'thie(?:f|ves)', 'frauds?', 'liars?', 'retards?', 'cock\\s*wombles?', 'wastemen', 'wasteman',
    'shit\\s*holes?', 'hell\\s*holes?', 'cesspits?', 'cesspools?', 'laughing\\s*stock'),
  ...t(0.9, 'paedos?', 'pedos?', 'pa?edophiles?', 'nonces?', 'perverts?', 'pervs?', 'creeps?', 'groomers?', 'rapists?', 'molesters?'),
];

/**
 * Nouns that insult only in an insulting construction ("is a joke", "a bunch of clowns", "lazy cows",
 * "run by clowns"), because they have ordinary meanings too (a trip to the zoo, dad in prison).
 */
export const WEAK_INSULT_NOUNS: Term[] = t(
  0.7,
  'cows?', 'witch(?:es)?', 'pigs?', 'rats?', 'clowns?', 'sheep', 'animals', 'trash', 'snakes?', 'mugs?', 'dinosaurs?', 'tyrants?', 'dictators?',
  'predators?', 'dump', 'sewer', 'zoo', 'circus', 'cult', 'prison', 'joke', 'disgrace', 'shambles', 'bully', 'bullies', 'monsters?', 'dogs?',
  'bags?', 'disgrace\\s+to\\s+the\\s+profession', 'drunk', 'druggie', 'junkie', 'alcoholic',
);

/** Insulting adjectives: count towards disparaging, more when said of a person ("the head is lazy"). */
export const INSULT_ADJECTIVES: Term[] = t(
  0.3,
  'lazy', 'useless', 'incompetent', 'clueless', 'pathetic', 'thick', 'stupid', 'dumb', 'ugly', 'fat', 'vile', 'nasty', 'disgusting',
  'arrogant', 'smug', 'spineless', 'two-faced', 'two\\s+faced', 'vindictive', 'sanctimonious', 'snobby', 'stuck-up', 'stuck\\s+up', 'power-mad',
  'power\\s+mad', 'power-tripping', 'power\\s+tripping', 'corrupt', 'evil', 'horrible', 'miserable', 'rude', 'inbred', 'brainless', 'gormless',
  'creepy', 'sleazy', 'bent', 'thieving', 'lying', 'scrounging', 'overpaid', 'pompous', 'cowardly', 'gutless', 'rotten', 'toxic', 'despicable',
  'shameful', 'shameless', 'repulsive', 'revolting', 'pig-ignorant', 'ignorant', 'idiotic', 'moronic', 'retarded', 'deranged', 'unhinged',
  'disgraceful', 'vicious', 'spiteful', 'dirty', 'filthy', 'smelly', 'stinking', 'woke', 'brainwashing', 'brainwashed', 'abusive', 'racist', 'sexist',
  'homophobic', 'bigoted', 'hateful', 'worthless', 'hopeless', 'crap', 'shite', 'drunk',
);

/** Slurs: discriminatory on their own. */
export const SLURS: Term[] = t(
  0.92,
  'n+i+g+g+(?:er|ers|a|as|ah|az)', 'niggers?', 'pakis?', 'chinks?', 'gooks?', 'wogs?', 'coons?', 'spics?', 'kikes?', 'yids?', 'ragheads?',
  'towelheads?', 'sand\\s*n\\w+', 'gyppos?', 'gypos?', 'pikeys?', 'tinkers', 'faggots?', 'fags', 'fag', 'dykes?', 'trann(?:y|ies)', 'poofs?',
  'poofters?', 'batty\\s*boys?', 'spastics?', 'spazz?(?:es)?', 'spackers?', 'mongs?', 'mongoloids?', 'retards?', 'cripples?', 'chavs?',
  'dole\\s+scum', 'wetbacks?', 'golliwogs?', 'jungle\\s+bunn(?:y|ies)', 'monkeys', 'ape', 'apes', 'half-?castes?', 'coloureds',
);

/** Groups discriminatory statements are made about. */
export const GROUPS = String.raw`(?:muslims?|islam|jews?|jewish|immigrants?|migrants?|foreigners?|refugees?|asylum\s+seekers?|poles|polish|romanians?|roma|eastern\s+europeans?|pakistanis?|indians?|africans?|nigerians?|somalis?|blacks|black\s+people|asians?|chinese|arabs?|gays?|lesbians?|homosexuals?|trans(?:gender)?\s+(?:people|kids)|gypsies|travellers|catholics|english|welsh|scots|irish|albanians?|disabled\s+kids|sen\s+kids|the\s+lgbt\w*)`;

export const EXTREMIST = [
  String.raw`white\s+power`, String.raw`14\s*/?\s*88`, String.raw`heil\s+hitler`, String.raw`sieg\s+heil`, String.raw`race\s+war`,
  String.raw`great\s+replacement`, String.raw`remigration`, String.raw`jihad\w*`, String.raw`isis`, String.raw`caliphate`,
  String.raw`kill\s+all\s+(?:the\s+)?\w+`, String.raw`death\s+to\s+(?:all\s+)?\w+`, String.raw`gas\s+the\s+\w+`, String.raw`white\s+genocide`,
  String.raw`blood\s+and\s+soil`, String.raw`zog`, String.raw`infidels?`,
];

/**
 * Broader put-downs common in social media arguments, used only as classifier features (too
 * context-dependent for a rule on their own).
 */
export const PUT_DOWNS: Term[] = t(
  0.3,
  'traitors?', 'treasonous', 'nazis?', 'fascists?', 'commies?', 'libtards?', 'cucks?', 'trolls?', 'shills?', 'grifters?', 'fake', 'phony', 'clowns?',
  'garbage', 'trash', 'disgusting', 'pathetic', 'ignorant', 'stupid', 'dumb', 'dumbass', 'jackass', 'jerk', 'shut\\s+up', 'go\\s+to\\s+hell',
  'screw\\s+(?:you|him|her|them)', 'piece\\s+of\\s+(?:shit|crap|garbage|trash|work)', 'pos', 'lunatic', 'crazy', 'insane', 'evil', 'vile', 'scum',
  'hate', 'sick\\s+of', 'corrupt', 'criminal', 'criminals', 'lying', 'liars?', 'hypocrisy', 'hypocrites?', 'racists?', 'bigots?', 'sexist', 'whining',
  'cry\\s*baby', 'crybabies', 'snowflakes?', 'idiocy', 'nonsense', 'bs', 'ass', 'asses', 'butt', 'sucks?', 'sucked', 'loser', 'losers', 'kill', 'die',
);

/** Praise words: a sentence using them is taken as positive unless it also insults someone. */
export const PRAISE_WORDS = String.raw`(?:brilliant|amazing|great|love|loved|lovely|proud|best|fantastic|superb|wonderful|excellent|outstanding|incredible|awesome|congrat\w*|well\s+done|thank\w*|legends?|stars?|class|fab|fabulous|epic|beautiful|stunning|talented|gorgeous|buzzing|chuffed)`;

/** Every term of a list as one alternation, for quick matching. */
export function alternation(terms: readonly Term[]): RegExp {
  return new RegExp(String.raw`\b(?:${terms.map((x) => x.re).join('|')})\b`, 'g');
}

const compiled = new WeakMap<readonly Term[], RegExp>();
/** The alternation for a list, compiled once and shared (so findAllCached can reuse matches across rules and features). */
export function sharedAlternation(terms: readonly Term[]): RegExp {
  let re = compiled.get(terms);
  if (!re) {
    re = alternation(terms);
    compiled.set(terms, re);
  }
  return re;
}
