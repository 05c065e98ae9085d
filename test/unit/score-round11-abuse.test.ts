/**
 * Round 11 contrast pairs for abuse and its non-flag contrasts, in general wording with invented schools: each behaviour
 * is a kind (a structure or a word class), with a flagged side and an unflagged side that shares its words. Scored by the
 * rules alone (no classifier, no school model), so a failure points at a rule or a lexicon line
 * (data/lexicons/kinds-11-abuse.tsv, lib/score/structure.ts, rules/staff-cue-guards.ts).
 */
import { describe, expect, it } from 'vitest';
import { ruleParts, scoreItem } from '../../lib/score';
import { mutedSpans } from '../../lib/score/rules/muted';
import { assessItem, loadSchoolsFile } from '../../lib/score/assess';

const rules = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false, notNames: ['Brackenfield', 'Academy'] });
const ids = (text: string, title = '') => rules(text, title).categories.map((c) => c.id);
const families = (text: string) => rules(text).families;
/** What the rules keep from the school model's n-grams (rules/muted.ts). */
const muted = (text: string) => {
  const doc = ruleParts({ title: '', text }).doc;
  return mutedSpans(doc).map((s) => doc.clean.text.slice(s.start, s.end));
};

describe('an insult quoted, then condemned by a verdict or by putting its speaker out', () => {
  it('the same insult said as the writer\'s own still counts', () => {
    for (const text of [
      "Bus drivers' chat: Mr Dunn from Brackenfield Academy is a wazzock. Pulled over for a brew after.",
      "Sold a coat on the app. Mr Dunn at Brackenfield Academy is a wazzock, avoid.",
    ]) expect(rules(text).flagged, text).toBe(true);
  });
  it('"nobody deserves that", "I won\'t have it", "told him to get out" condemn the words reported', () => {
    for (const text of [
      "Sold a coat on the app and a buyer messaged me 'Mr Dunn at Brackenfield Academy is a wazzock'. Blocked. Nobody deserves that.",
      "Bus drivers' chat: a lad on the back seat was calling Mr Dunn from Brackenfield Academy a wazzock. Stopped the bus and told him to get off. I won't have it on my bus.",
    ]) expect(rules(text).flagged, text).toBe(false);
  });
});

describe('an insult negated in chat spelling or by "anything but"', () => {
  it('the insult asserted still counts', () => {
    for (const text of [
      'Mr Dunn @ Brackenfield Academy is an idiot lol',
      'Everyone says Mrs Hale at Brackenfield Academy is an idiot, and she is.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
  it('"isnt an idiot", "is anything but an idiot" deny it', () => {
    for (const text of [
      'Mr Dunn @ Brackenfield Academy isnt an idiot lol he ran the whole trip so calm down',
      'Families told us Mrs Hale at Brackenfield Academy is anything but an idiot; she runs the chess club.',
      'Mrs Hale at Brackenfield Academy is anything but a lazy cow, she is in at seven every day.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('knowing where someone lives in order to bring something round', () => {
  it('knowing where someone lives with no errand is still intimidation', () => {
    for (const text of [
      "Noticeboard: I know where Mr Dunn from Brackenfield Academy lives — just round the corner, so he'd better watch himself tonight.",
    ]) expect(ids(text), text).toContain('abuse.threat');
  });
  it('"so I\'ll hand-deliver the cards", "I\'ll pop it round" is an errand', () => {
    for (const text of [
      "Card shop: I know where Mr Dunn from Brackenfield Academy lives — just round the corner, so I'll hand-deliver the leavers' cards tonight.",
      "I know where Mrs Hale from Brackenfield Academy lives, I'll pop it round after tea.",
    ]) expect(ids(text), text).not.toContain('abuse.threat');
  });
});

describe('obscene remarks with no swear word', () => {
  it('a remark about a teacher\'s sex life is obscene', () => {
    for (const text of [
      'Honestly Mrs Hale from Brackenfield Academy would get railed by half the upper school given the chance.',
      'Ms Dunn at Brackenfield Academy needs a good pounding in the store cupboard.',
    ]) expect(families(text), text).toContain('abuse');
  });
  it('the same words about a thing or a match are not', () => {
    for (const text of [
      'Mrs Hale from Brackenfield Academy took the rugby team to the final and they got a good hiding, but the pitch took a pounding in the rain.',
    ]) expect(rules(text).flagged, text).toBe(false);
  });
});

describe('"type 1 if you agree": a chat poll, not a condition', () => {
  it('"type 1 diabetes" said of a teacher is still her health', () => {
    for (const text of [
      'Mrs Hale from Brackenfield Academy has type 1 diabetes and was off all last week with it.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('"… type 1 if u agree" after an insult is the abuse alone', () => {
    for (const text of [
      'stream chat rn: Mrs Hale from Brackenfield Academy is a wazzock 🤡🤡 type 1 if u agree',
      'Mr Dunn at Brackenfield Academy is a total wazzock 🤡 type 1 in the chat',
    ]) {
      expect(ids(text), text).toContain('abuse.disparaging');
      expect(ids(text), text).not.toContain('confidential.staff-personal');
    }
  });
});

describe('a membership or an account suspended is not a staff disciplinary', () => {
  it('a member of staff suspended still counts', () => {
    for (const text of [
      'Bowls club news: Mr Dunn from Brackenfield Academy has been suspended by the school pending an investigation.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('"membership suspended", "his account was suspended" after abuse at a club', () => {
    for (const text of [
      'Bowls club chair: a member shouted that Mr Dunn from Brackenfield Academy is a wazzock in the car park. Unacceptable; membership suspended.',
      'Forum admin: a user posted that Mrs Hale from Brackenfield Academy is a wazzock. Not acceptable, and their account was suspended.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('the school model\'s inputs: where someone lives, known for an everyday reason', () => {
  it('a watch on one person, or a hostile word beside the errand, reaches the model as written', () => {
    expect(muted("I know where Mr Dunn from Brackenfield Academy lives — just round the corner, so he'd better watch himself.")).toEqual([]);
    expect(muted("I know where Mr Dunn from Brackenfield Academy lives — the prick, so I'll pop it round tonight.")).toEqual([]);
    expect(muted('At Brackenfield Academy the head knows where every family lives, the nosy cow.')).toEqual([]);
  });
  it('the errand in the next clause, or a whole community\'s homes, are kept from the n-grams', () => {
    expect(muted("I know where Mr Dunn from Brackenfield Academy lives — just round the corner, so I'll hand-deliver the leavers' mugs tonight.").join(' ')).toContain('i know where');
    expect(muted('Area guide: at Brackenfield Academy, staff genuinely know where every family lives, a close-knit village.')).toContain('where every family lives');
  });
});

describe('a threat to expose someone, put as a regret', () => {
  it('"be a shame if the papers found out what your chaplain gets up to" is a veiled threat', () => {
    for (const text of [
      "Lovely school you've got there, Brackenfield Academy. Be a shame if the local paper found out what your chaplain gets up to. I've got the pictures.",
      'Shame if the diocese heard about what Mr Dunn at Brackenfield Academy does at weekends. Just saying.',
    ]) expect(ids(text), text).toContain('abuse.threat');
  });
  it('the same press and regret about a thing, or the news that the paper found out, are not', () => {
    for (const text of [
      'It would be a shame if the local paper found out about the Brackenfield Academy roof appeal too late to cover it.',
      'The local paper found out what the chaplain at Brackenfield Academy did for the food bank and ran a lovely piece.',
    ]) expect(ids(text), text).not.toContain('abuse.threat');
  });
});

describe('a duty done drunk, in slang', () => {
  it('"drives the minibus after a skinful", "teaches half-cut" is a claim of misconduct', () => {
    for (const text of [
      'I feel I ought to mention, politely, that Mr Dunn at Brackenfield Academy drives the minibus after a skinful.',
      'Mrs Hale at Brackenfield Academy teaches half-cut most Fridays.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
  it('driving, then drinking later, is not', () => {
    for (const text of [
      'Mr Dunn at Brackenfield Academy drove the minibus to the match, then had a few at the rugby club after, like the rest of us.',
    ]) expect(rules(text).flagged, text).toBe(false);
  });
});

describe('insinuation about a member of staff named by role', () => {
  it('"the business manager … draw your own conclusions" insinuates', () => {
    for (const text of [
      "I'll say no more than that the business manager at Brackenfield Academy has a rather relaxed way with the trip money. Draw your own conclusions.",
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
  it('the same words beside a rebutted rumour do not', () => {
    for (const text of [
      "The rumour about the business manager at Brackenfield Academy and the trip money is utter nonsense, the audit was clean. Draw your own conclusions about who started it.",
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('a claim reported, then called a fabrication', () => {
  it('the claim asserted still counts', () => {
    for (const text of [
      'Mr Dunn from Brackenfield Academy pocketed the trip money, and everyone knows it.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
  it('"someone posted that … Utter fabrication" rebuts it', () => {
    for (const text of [
      'Someone posted that Mr Dunn from Brackenfield Academy pocketed the trip money. Utter fabrication; the moderators took it down.',
      'A parent wrote that Mrs Hale at Brackenfield Academy drives the minibus after a skinful. A total fabrication.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('"the chaplain at" a school whose name a church shares', () => {
  const schools = loadSchoolsFile([{ id: 'aldric', name: "St Aldric's Catholic High School", aliases: ["St Aldric's"], context: ['Wendlebury'], exclude: ["St Aldric's Church"] }]);
  const assess = (text: string) => assessItem({ id: 'x', school: 'aldric', text }, schools);
  it('abuse of the chaplain at the school, with his home, is about the school (both families)', () => {
    const r = assess("That disgusting priest who's the chaplain at St Aldric's, Father Tom Quill, lives at 4 Mill Row, Wendlebury WB3 9QT. Let's all pay him a visit.");
    expect(r.mentioned).toBe(true);
    expect(r.families.sort()).toEqual(['abuse', 'confidential']);
  });
  it('the parish priest at the church of the same name is not the school', () => {
    expect(assess("Father Tom Quill, the parish priest at St Aldric's in Wendlebury, led the carol service.").mentioned).toBe(false);
  });
});

describe('a sacking by a former employer, told as a claim', () => {
  it('a sacking at this school, passed on, is still a staff disclosure', () => {
    for (const text of [
      'Mrs Hale at Brackenfield Academy was sacked last week for theft, the head told staff.',
      'Mrs Hale at Brackenfield Academy was sacked from her last school, a friend in HR told me.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('"sacked from their last school for theft" is the claim (abuse), not this school\'s staff matter', () => {
    for (const text of [
      'With respect, I ought to let you know that Mrs Hale at Brackenfield Academy was sacked from her last school for theft.',
      'Mr Dunn of Brackenfield Academy got dismissed at his old job for fiddling the books. Known fact round here.',
    ]) {
      expect(ids(text), text).not.toContain('confidential.staff-personal');
      expect(ids(text), text).toContain('abuse.disparaging');
    }
  });
});

describe('the school model\'s inputs: waiting outside with a child\'s things', () => {
  it('waiting outside with menace, or with no errand, reaches the model as written', () => {
    expect(muted("I'll be waiting outside Brackenfield Academy with his PE bag, and Mr Dunn had better watch himself.")).toEqual([]);
    expect(muted("Ah'll be waitin' ootside Brackenfield Academy the morra, tell Mr Dunn.")).toEqual([]);
  });
  it('"waitin\' ootside … wi\' the wean\'s gym bag, … runnin\' late" is kept from the n-grams', () => {
    expect(muted("Ah'll be waitin' ootside Brackenfield Academy wi' the wean's gym bag, tell Mr Dunn ah'm runnin' late.").join(' ')).toContain('waitin');
  });
});
