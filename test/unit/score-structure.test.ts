import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';
import { buildDoc } from '../../lib/score/document';
import { externalTargetAt, negatedAt, reportedAt } from '../../lib/score/structure';

/** Score as the poller does for a school (rules plus the classifier at the school margin). */
const score = (text: string, title = '') => scoreItem({ title, text }, undefined, { notNames: ['Northgate', 'Park', 'Academy'] });
const families = (text: string) => score(text).families;
/** The span of the first occurrence of `word` in the clean view. */
function at(text: string, word: string) {
  const doc = buildDoc('', text);
  const start = doc.clean.text.indexOf(word);
  if (start < 0) throw new Error(`"${word}" not in "${text}"`);
  return { doc, span: { start, end: start + word.length } };
}

describe('negation scope', () => {
  it('reaches along the clause: "I don\'t think they are useless", "not one teacher is rude", "none of the staff are lazy"', () => {
    for (const [text, word] of [
      ["I don't think the staff at Northgate Park Academy are useless at all.", 'useless'],
      ['Not one teacher at Northgate Park Academy is rude or lazy.', 'lazy'],
      ['None of the staff at Northgate Park Academy are lazy.', 'lazy'],
      ["The teachers aren't lazy, they're running three clubs a night.", 'lazy'],
    ] as const) {
      const { doc, span } = at(text, word);
      expect(negatedAt(doc, span), text).toBe(true);
      expect(families(text), text).toEqual([]);
    }
  });

  it('stops at the clause: "they aren\'t listening and the head is a useless idiot" still insults', () => {
    const text = "They aren't listening and the head at Northgate Park Academy is a useless idiot.";
    const { doc, span } = at(text, 'idiot');
    expect(negatedAt(doc, span)).toBe(false);
    expect(families(text)).toEqual(['abuse']);
  });

  it('"not only", "nothing but" do not negate', () => {
    for (const [text, word] of [
      ['The head is not only lazy but rude.', 'lazy'],
      ["They're nothing but thieves at that school.", 'thieves'],
    ] as const) {
      const { doc, span } = at(text, word);
      expect(negatedAt(doc, span), text).toBe(false);
    }
  });

  it('a negated statement about a group is not hate: "Muslims are not terrorists"', () => {
    expect(families('Muslims are not terrorists, as the RE teacher at Northgate Park Academy explained in assembly.')).toEqual([]);
    expect(families('Muslims are all terrorists and should be kicked out of Northgate Park Academy.')).toEqual(['abuse']);
  });
});

describe('quotation and counter-speech', () => {
  it('abuse reported in order to condemn it is not flagged', () => {
    for (const text of [
      "Someone called Mrs Hollins at Northgate Park Academy a 'slag' at the gates today. That's disgusting, she doesn't deserve it.",
      "My son was called a 'faggot' on the bus home from Northgate Park Academy. The school dealt with it brilliantly.",
      "Offensive graffiti calling the head of Northgate Park Academy a 'paedo' was sprayed on the gates; police are appealing for witnesses.",
      "There's a rumour going round that the head of Northgate Park Academy is a crook. Don't believe it, it's rubbish, she's been brilliant.",
    ]) {
      expect(score(text).flagged, text).toBe(false);
    }
  });

  it('the same words endorsed or said directly are flagged', () => {
    expect(families("Someone called Mrs Hollins at Northgate Park Academy a 'slag' and she is one.")).toEqual(['abuse']);
    expect(families('Mrs Hollins at Northgate Park Academy is a slag.')).toEqual(['abuse']);
    expect(families('Rumour has it the head of Northgate Park Academy is a crook.')).toEqual(['abuse']);
  });

  it('reportedAt needs both a reporting frame and a condemnation or denial', () => {
    const a = at("He called her a 'slag'. Disgusting.", 'slag');
    expect(reportedAt(a.doc, a.span)).toBe(true);
    const b = at("He called her a 'slag'.", 'slag');
    expect(reportedAt(b.doc, b.span)).toBe(false);
    const c = at('She is a slag. Disgusting.', 'slag');
    expect(reportedAt(c.doc, c.span)).toBe(false);
  });
});

describe('who the abuse is aimed at', () => {
  it('insults aimed at Ofsted, the DfE or the council are not the school\'s abuse', () => {
    for (const text of [
      'Ofsted are a bunch of clueless idiots, Northgate Park Academy deserved far better than that report.',
      'The DfE are a shambles and the education secretary is a clown, no wonder schools like Northgate Park Academy struggle.',
      'The council are useless, they still have not fixed the crossing outside Northgate Park Academy.',
    ]) {
      expect(score(text).families, text).toEqual([]);
    }
  });

  it('the same insults aimed at the school are', () => {
    expect(families('Northgate Park Academy staff are a bunch of clueless idiots, Ofsted got it right.')).toEqual(['abuse']);
    expect(families('The head of Northgate Park Academy is a clown.')).toEqual(['abuse']);
  });

  it('externalTargetAt picks the nearest mention before the word, else the first after it', () => {
    const a = at('Ofsted inspectors are idiots and the school was fine.', 'idiots');
    expect(externalTargetAt(a.doc, a.span)).toBe(true);
    const b = at('The teachers are idiots, whatever Ofsted says.', 'idiots');
    expect(externalTargetAt(b.doc, b.span)).toBe(false);
    const c = at('What a bunch of idiots at Ofsted.', 'idiots');
    expect(externalTargetAt(c.doc, c.span)).toBe(true);
  });
});

describe('slang praise, threats, campaigns, polite defamation, discrimination', () => {
  it('slang praise of a school event is praise; swearing as praise is not abuse', () => {
    expect(score('Sick nativity from Northgate Park Academy this afternoon, the Year 1s were unreal!').flagged).toBe(false);
    expect(score('Northgate Park Academy put on a f***ing brilliant sports day, best one yet.').flagged).toBe(false);
  });

  it('veiled threats are threats', () => {
    expect(score("Tell Mr Pryce from Northgate Park Academy I'll be waiting at the gates on Monday.").categories.map((c) => c.id)).toContain('abuse.threat');
    expect(score('Miss Carver at Northgate Park Academy had better watch herself. Accidents happen on that dark car park.').categories.map((c) => c.id)).toContain('abuse.threat');
    // children waiting at pick-up is not a threat
    expect(score('Photo of the Year 2s from Northgate Park Academy waiting outside at pick-up in the snow.').categories.map((c) => c.id)).not.toContain('abuse.threat');
  });

  it('harassment campaigns are harassment', () => {
    for (const text of [
      "I've emailed Mrs Quinn at Northgate Park Academy 30 times this week and I'll keep going until she cracks.",
      "EVERYONE SHARE THIS. Northgate Park Academy's head of year needs to know what we think of her. Tag her, email her, don't stop.",
    ]) {
      expect(score(text).categories.map((c) => c.id), text).toContain('abuse.harassment');
    }
  });

  it('a damaging claim made politely is still disparaging', () => {
    expect(families("I'll say it politely: the head of Northgate Park Academy has been taking money from the PTA account for years.")).toEqual(['abuse']);
    expect(families('The head of Northgate Park Academy has not been taking money from anyone; the audit was clean.')).toEqual([]);
  });

  it("remarks about a teacher's religion with an exclusion or stereotype are discriminatory; neutral mentions are not", () => {
    expect(score("Why is a Muslim teaching RE at Northgate Park Academy? Her sort shouldn't be near our kids.").categories.map((c) => c.id)).toContain('abuse.discriminatory');
    expect(score('A Muslim teacher at Northgate Park Academy has won a national teaching award.').flagged).toBe(false);
  });
});

describe('named person + sensitive fact proximity (confidential)', () => {
  const conf = (text: string) => score(text).families.includes('confidential');

  it('a named pupil (full or first name with a year group) with a condition, SEN or exclusion', () => {
    expect(conf('Lily Ashton in Year 8 at Northgate Park Academy has type 1 diabetes and keeps having hypos in PE.')).toBe(true);
    expect(conf('Poor Ethan in Year 3 at Northgate Park Academy, he has epilepsy and had a seizure in assembly.')).toBe(true);
    expect(conf("Heard Mason Clarke in Year 6 at Northgate Park Academy was permanently excluded last week.")).toBe(true);
  });

  it('the condition without a named pupil, or a named pupil without a sensitive fact, is not', () => {
    expect(conf('Northgate Park Academy is running an epilepsy awareness day for Year 3.')).toBe(false);
    expect(conf('Lily Ashton in Year 8 at Northgate Park Academy won the county cross-country.')).toBe(false);
  });

  it('staff + an HR process leaked is confidential', () => {
    expect(conf("Leaked email from Northgate Park Academy HR: 'Mr Dawson will be placed on a formal capability procedure from Monday.'")).toBe(true);
  });

  it('a payslip naming a member of staff with pay details is confidential; a passing mention of payslips is not', () => {
    expect(conf('Found a payslip on the Northgate Park Academy car park: Sarah Whitlow, tax code 1257L, net pay £2,140.')).toBe(true);
    expect(conf('Sarah Whitlow from Northgate Park Academy won the payslip design award.')).toBe(false);
  });

  it('a photo of named pupils is confidential unless shared with consent', () => {
    expect(conf("Here's a photo of Amelia Stone and Noah Price from Northgate Park Academy Year 2 at pick-up, look at the state of them.")).toBe(true);
    expect(conf("Photos of Amelia Stone and Noah Price from Northgate Park Academy Year 2 collecting their award, shared with parents' permission.")).toBe(false);
  });

  it("the school's own published phone number and address are not a leak; a teacher's home ones are", () => {
    expect(conf('Contact Northgate Park Academy on 01632 960100 or at the school office, 1 School Lane, for admissions.')).toBe(false);
    expect(conf('Mr Pryce from Northgate Park Academy lives at 14 Birch Close, ring him on 07700 900123 and tell him.')).toBe(true);
  });

  it('a National Insurance number after an "NI" cue counts even with a prefix HMRC never issues', () => {
    expect(conf('Ms Achterberg from Northgate Park Academy: NI QQ 55 01 72 D.')).toBe(true);
    expect(conf('Northgate Park Academy room QQ 55 01 72 D is booked.')).toBe(false);
  });

  it('log-in details shared in a sentence are credentials; a password policy is not', () => {
    expect(conf('Teachers at Northgate Park Academy log into the MIS (Arbor) with Winifred2026!, it is on a post-it in the staffroom.')).toBe(true);
    expect(conf('Password for the staff email at Northgate Park Academy is still Staffroom#12.')).toBe(true);
    expect(conf('Northgate Park Academy staff must change their password every term.')).toBe(false);
  });

  it('an attached photo with a named child and a year group is confidential', () => {
    expect(conf("Here's Year 5 from Northgate Park Academy on the trip, that's Niamh Tolley on the left [image attached]")).toBe(true);
    expect(conf('Here is Year 5 from Northgate Park Academy on the trip [image attached]')).toBe(false);
  });
});

describe('errands, hazards and graffiti', () => {
  it('waiting at the gates to collect a child, or a warning about ice, is not a threat', () => {
    expect(score("I'll be waiting at the gates at 3:15 to collect Niamh, can you let Miss Costello at Northgate Park Academy know?").flagged).toBe(false);
    expect(score('Watch your back on the ice outside Northgate Park Academy this morning, the path is lethal.').flagged).toBe(false);
  });

  it('abuse written by vandals and condemned is not flagged, in quotes or not', () => {
    expect(score('Vandals wrote "PAEDO" across the Northgate Park Academy playground. Whoever did this, shame on you.').flagged).toBe(false);
    expect(score('Sad to see NONCE scrawled on the Northgate Park Academy sign. Well done to the parents who scrubbed it off.').flagged).toBe(false);
  });
});


describe('clause look-back is bounded', () => {
  it('a very long sentence is read at most CLAUSE_REACH characters back from a word (so scoring stays linear in its length)', async () => {
    const { clauseStart, CLAUSE_REACH } = await import('../../lib/score/structure');
    const text = 'idiot '.repeat(400) + 'end';
    const doc = buildDoc('', text);
    const pos = doc.clean.text.indexOf('end');
    expect(pos).toBeGreaterThan(2000);
    expect(clauseStart(doc, pos)).toBeGreaterThanOrEqual(pos - CLAUSE_REACH);
    // a short clause still starts where it does
    const short = buildDoc('', 'They were lovely, but she is rude.');
    expect(short.clean.text.slice(clauseStart(short, short.clean.text.indexOf('rude')))).toMatch(/^\s*(?:but\s+)?she is rude/);
  });
});
