/**
 * Contrast pairs for the confidential kinds of round 8 (issue 11): leaks told in chats. Each behaviour has a flagged side
 * and an unflagged side that shares its words, scored by the rules alone (no classifier, no school model), so a failure
 * points at a rule or a lexicon line. The sentences and the school (Elmfield) are invented for this test; the kinds come
 * from the misses of the spent sets blind-2026-12-01c, blind-2026-12-01d and heldout-g (their wording is not reused).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const ids = (text: string) => scoreItem({ title: '', text }, undefined, { classifier: false }).categories.map((c) => c.id);

describe("a staff channel's messages passed on", () => {
  it('a staff group chat, e-mail or briefing copied, screenshotted, posted or forwarded out is a leak', () => {
    for (const text of [
      'The Elmfield staff whatsapp got posted on facebook last night. One of the TAs moaning about a Year 3 boy and his dad, names and all.',
      'someone screenshotted the elmfield teachers group chat and put it on tiktok, them slagging off the Patel family',
      "Copied from the Elmfield staff group (my cousin teaches there): 'Reminder the Year 9 reading ages are NOT to be discussed with families until after the review.'",
      "An email to all staff at Elmfield got forwarded to the whole parents' list by accident. It's about the deputy's grievance.",
    ]) expect(ids(text), text).toContain('confidential.internal');
  });
  it("the school's own notice of the mistake, a news report of it, a staff channel nobody passed on, or a parents' chat is not", () => {
    for (const text of [
      'Elmfield has apologised after an email to staff was sent to parents by mistake, and said it had reported the breach to the ICO.',
      'Dear parents, an email to staff was sent to some families in error this morning. Please delete it. Kind regards, Mrs Dunn, Headteacher',
      'The Elmfield staff whatsapp is how they sort out cover, my sister says it is mostly memes and cake rotas.',
      "Someone posted a lovely video of the Elmfield nativity in the parents' group chat, the angels were brilliant.",
    ]) expect(ids(text), text).not.toContain('confidential.internal');
  });
});

describe('a private person\'s "says" is hearsay, however they are called', () => {
  it('"our lass says", "the hubby says": a member of staff\'s health passed on', () => {
    for (const text of [
      'Our lass says Mrs Dunn at Elmfield has depression, not been in for weeks.',
      'The hubby says Mr Tait from Elmfield has got glandular fever.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('the school saying it in a statement is public', () => {
    for (const text of [
      'Elmfield says in a statement that Mrs Dunn has cancer and the school community is sending its love.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('a first name with its year group in brackets, however the year is written', () => {
  it('"Ethan (Year 10)" is a pupil as "Ethan (year 10)" is', () => {
    for (const text of [
      'Please pray for the Quinn family from Elmfield, young Ethan (Year 10) was diagnosed with leukaemia on Friday.',
      'Thinking of Maisie (Yr 4) at Elmfield, she had a seizure in assembly and has been diagnosed with epilepsy.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same child raising money for a charity names a topic, not her health', () => {
    for (const text of [
      'Well done to Maisie (Yr 4) at Elmfield who ran a mile every day for epilepsy awareness week!',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('exclusion in other words', () => {
  it('"given a three-day fixed-term", "removed from the roll", said of a named pupil', () => {
    for (const text of [
      'Amelia Lowther, Year 10, Elmfield: given a three-day fixed-term. Whole street heard the shouting.',
      'Is it true Tyler Brennan in Year 8 at Elmfield has been removed from the roll?',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('a fixed-term contract or a roll of honour is not', () => {
    for (const text of [
      'Amelia Lowther, Year 13 at Elmfield, has been given a three-day fixed-term work placement at the vets.',
      'Tyler Brennan in Year 8 at Elmfield has been added to the roll of honour for his charity swim.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe("a list of pupils' circumstances left where anyone could see it", () => {
  it('a managed-moves list with names and social care notes, photographed off a printer', () => {
    for (const text of [
      'The list of Y11s on managed moves got left on the printer at Elmfield and someone photographed it. Names, and notes like "social services involved". It is on Snapchat now.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the policy on managed moves published on the website is not', () => {
    for (const text of [
      "Elmfield's list of clubs is on the website for anyone to see, and the managed moves policy is there too.",
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('a user name and a secret after a school system', () => {
  it('"Arbor — office / Spring2026" on a note is a log-in', () => {
    for (const text of [
      "Sticky note on the Elmfield reception screen, clear as day in the photo: 'Arbor — office / Spring2026'",
      'the elmfield cpoms login is on a post-it by the printer: CPOMS - admin / Kestrel#44',
    ]) expect(ids(text), text).toContain('confidential.credentials');
  });
  it('a system named beside other slashed words, or a room, is not', () => {
    for (const text of [
      'Elmfield uses Arbor — office / admin staff had their training on it in Room12 on Monday.',
      'CPOMS - staff / governors guide, version 2, is on the Elmfield website.',
    ]) expect(ids(text), text).not.toContain('confidential.credentials');
  });
});

describe('a National Insurance number by its layout beside a named person', () => {
  it('"Mr Tait, Elmfield: QQ 12 34 56 C." is one, whatever its prefix', () => {
    for (const text of [
      'Mr Tait, Elmfield Primary: QQ 12 34 56 C.',
      'Mrs Dunn from Elmfield — TN 31 22 44 A — have fun with that',
    ]) expect(ids(text), text).toContain('confidential.contact-details');
  });
  it('the same layout with no person on its line, or an order reference, is not', () => {
    for (const text of [
      'Elmfield Primary uniform order: QQ 12 34 56 C, collect from the office.',
      'Mr Tait at Elmfield says the order ref is QQ 12 34 56 C if anyone needs it.',
    ]) expect(ids(text), text).not.toContain('confidential.contact-details');
  });
});

describe('a condition or a disciplinary step by its other names', () => {
  it('"alcohol dependency", "a prolapsed disc", "an investigatory interview" said of a titled member of staff', () => {
    for (const text of [
      'Mr Tait at Elmfield has alcohol dependency, that is why there has been no marking since October.',
      'Mrs Dunn from Elmfield has a prolapsed disc, not been in for weeks.',
      'Mrs Dunn from Elmfield is facing an investigatory interview on Monday.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('the same words as a lesson or training topic are not', () => {
    for (const text of [
      "Mr Tait's PSHE lesson at Elmfield on alcohol dependency was excellent, my son came home full of it.",
      'Mrs Dunn from Elmfield ran the investigatory interview training for new governors.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe("a writer's own street is not someone's home address", () => {
  it('a member of staff who lives on a named street is', () => {
    for (const text of [
      'Mr Tait from Elmfield lives on Chapel Lane in Marlcombe, the house with the red door.',
    ]) expect(ids(text), text).toContain('confidential.contact-details');
  });
  it('"I live on Chapel Lane", "we\'ve lived on Moss Road for years", in a letter about the school run, is not', () => {
    for (const text of [
      'Sir, I live on Chapel Lane in Marlcombe and twice a day Elmfield parents park across my drive. The head should act.',
      "We've lived on Moss Road for twenty years and the Elmfield teachers' cars now block it every morning.",
    ]) expect(ids(text), text).not.toContain('confidential.contact-details');
  });
});
