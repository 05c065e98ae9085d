/**
 * Round 9b confidential kinds: leaks that carry no tell-tale word and the look-alikes that share their words. Scored as an
 * item of an invented school through the whole decision (rules, trained model), so what a headteacher would see is what is
 * tested. The sentences are written for this test; the kinds come from the spent sets' misses (blind-2026-12-01e/-f) and
 * the spent functional halves (conf_credentials), not their wording.
 */
import { describe, expect, it } from 'vitest';
import { assessItem, loadSchoolsFile } from '../../lib/score/assess';

const schools = loadSchoolsFile([{ id: 'brackenfield', name: 'Brackenfield Academy', aliases: ['Brackenfield'] }]);
const families = (text: string) => assessItem({ id: 'x', school: 'brackenfield', text }, schools).families;

describe('a file, folder, list or sheet of pupils or families that got out, with no word of secrecy', () => {
  it('left somewhere public, e-mailed to every parent, screenshotted or photographed: a leak', () => {
    for (const text of [
      'Brackenfield Academy left a pupil file on the coach after the trip. Full name, medication list, behaviour plan, all in a plastic wallet.',
      'The Brackenfield office emailed the whole parent list a spreadsheet by mistake: every family\'s names, sort codes and account numbers for the refunds.',
      'People keep sharing a screenshot of the Brackenfield Year 9 detention list. Full names of the kids and the reasons, one says self-harm.',
      'Someone photographed the Year 5 seating plan at Brackenfield through the classroom window, it has SEN notes next to every child\'s name.',
      'A medical folder from Brackenfield was left at the bus stop on Mill Road with the kids\' names, their allergies and their care plans inside.',
    ]) expect(families(text), text).toContain('confidential');
  });
  it('the same words with nothing sensitive in it, or nothing that got out, are not', () => {
    for (const text of [
      'Brackenfield Academy emailed all parents the trip list by mistake twice, just the dates and the kit list, nothing personal.',
      'Reminder from Brackenfield: please update your child\'s medical info and bank details for refunds on the parent portal.',
      'I left my son\'s PE bag and his reading folder at the bus stop by Brackenfield, if anyone finds them please shout!',
      'The Brackenfield seating plan for the Christmas concert is on the school website, families sit by year group.',
    ]) expect(families(text), text).toEqual([]);
  });
});

describe("a parent telling of their own child's condition or needs", () => {
  it('is their own to share: not flagged', () => {
    for (const text of [
      'Anyone know how to reach the Brackenfield school nurse? My daughter Ffion in Year 4 had an asthma attack at lunch and nobody has rung me about her care plan.',
      'Our Noah joined Brackenfield in reception. He\'s dyslexic and dyspraxic and the teachers have been amazing with him.',
      'My Rosie finally got her autism diagnosis yesterday. Brackenfield Academy already have support in place, so grateful.',
    ]) expect(families(text), text).toEqual([]);
  });
  it("another family's child's condition told by a parent is a leak", () => {
    for (const text of [
      "My daughter's friend Ffion in Year 4 at Brackenfield has epilepsy, her mum told me at the gate.",
      'My son says Rosie Clarke in his class at Brackenfield got her autism diagnosis yesterday.',
      // a full name after a bare "our" is how a relative or neighbour names a child (the spent functional halves' label)
      "Our Joaquim Dobson's got an EHCP up at Brackenfield Academy now. Took them long enough.",
    ]) expect(families(text), text).toContain('confidential');
  });
});

describe('a school log-in shared in any layout', () => {
  it('an arrow, a bracket, a slash after a note, a slang word, or the secret alone on the next line', () => {
    for (const text of [
      'Brackenfield SIMS → Maple2026! dont tell anyone lol',
      'screenshot from the Brackenfield staffroom:\nArbor\nHeron#4471\nkeep this quiet',
      'Brackenfield Academy Google Classroom, passy is Otter_2025 enjoy',
      'swapping the Brackenfield Bromcom code (Kestrel_88) for a football shirt',
      'post-it on the Brackenfield office monitor: the MyConcern safeguarding log / Badger#2024',
      "OCR'd screenshot:\n'want in?\nBrackenfield Academy\nthe MIS (Arbor)\nHeron#4471\ndelete after'",
    ]) expect(families(text), text).toContain('confidential');
  });
  it('a system with no secret, a forgotten password, a how-to and visitor wifi with no key are not', () => {
    for (const text of [
      'Brackenfield staff wifi → down again today, IT say it will be back by 3pm',
      'Forgot my Brackenfield Arbor password again, how do I reset it?',
      'How to reset your Brackenfield SIMS password:\nGo to the login page\nClick forgot password',
      'Brackenfield Academy timetable\nSIMS\nYear10\nRoom 12',
      'Brackenfield visitor wifi is Brackenfield-Guest, no password needed, ask at reception.',
      'Brackenfield Academy\nstaff wifi keeps dropping\nWindows11',
    ]) expect(families(text), text).toEqual([]);
  });
});

describe('a text or screenshot set out line by line', () => {
  it('a name alone on its line, then the school, then a condition or a staff process: a leak', () => {
    for (const text of [
      "SMS screenshot:\n'Poppy Marsden\nBrackenfield Academy\nhas cystic fibrosis\ndont tell anyone'",
      "text forwarded:\n'Mr Okonjo\nBrackenfield Academy\non a capability plan\nfrom Monday'",
      "OCR of a text:\n'you heard?\nKai Brennan from\nBrackenfield Academy is\nin foster care now'",
      "Callum Winstanley (Brackenfield Academy) placed with kinship carers, that's why his mum's not been about",
    ]) expect(families(text), text).toContain('confidential');
  });
  it('the same layout with nothing private in it is not', () => {
    for (const text of [
      'Brackenfield Academy Christmas fair\nPoppy Marsden\nface painting\n2pm to 4pm',
      'Brackenfield Academy notices\nMr Okonjo\nYear 6 trip letters\ndue Friday',
      "OCR of a text:\n'you heard?\nKai Brennan from\nBrackenfield Academy is\nplaying in the cup final'",
      'Brackenfield Academy newsletter\nWell done to Kai Brennan from\nYear 6 for the foster care awareness poster',
    ]) expect(families(text), text).toEqual([]);
  });
});

describe('staff told to keep a decision quiet', () => {
  it('"they\'re not allowed to say until the council announces" withholds a decision: a leak', () => {
    const text = "Brackenfield Academy is merging with Oakley High next year, staff were told today but they're not allowed to say till the council announces it.";
    expect(families(text), text).toContain('confidential');
  });
  it('the decision announced, or a question nobody is allowed to answer, is not', () => {
    for (const text of [
      'Brackenfield Academy is merging with Oakley High next year, the council announced it today and parents got a letter.',
      "They're not allowed to say why Brackenfield closed early today, the staff are just as confused as us.",
    ]) expect(families(text), text).toEqual([]);
  });
});

describe("a staff e-mail's headers, a child's pronoun, head lice", () => {
  it('an e-mail addressed to all staff, leaked: a leak; a member of staff\'s own child\'s diagnosis still is', () => {
    for (const text of [
      "leaked screenshot doing the rounds: 'From: Deputy Head. To: all staff. Subject: CONFIDENTIAL. Do not discuss the Year 8 incident with Brackenfield parents.'",
      'Mrs Dale at Brackenfield Academy is off because her child has leukaemia, the office told us on the quiet.',
      'Dr Hale at Brackenfield Academy is on a final written warning for shouting at a child, a TA told me.',
    ]) expect(families(text), text).toContain('confidential');
  });
  it("the head's letter to all staff put on the website, a moderator's note about a deleted comment, a head lice letter are not", () => {
    for (const text of [
      "Brackenfield Academy's head wrote to all staff thanking them for a brilliant Ofsted week, and the letter is on the school website for parents too.",
      'Admin note: the comment naming a Brackenfield child and his diagnosis has been deleted. Please don\'t do that.',
      "I'm not happy with how Brackenfield handled the head lice letter, it basically named the class.",
    ]) expect(families(text), text).toEqual([]);
  });
});

describe('a sentence that opens with "The head" is about a definite person', () => {
  it('"The head of maths … is on long-term sick leave", "has started a capability plan with Mr X": a leak', () => {
    for (const text of [
      'The head of maths at Brackenfield Academy is on long-term sick leave with depression.',
      'The head at Brackenfield Academy has started a capability plan with Mr Hargreaves.',
    ]) expect(families(text), text).toContain('confidential');
  });
  it('the head running a programme for staff, or speaking about a condition in general, is not', () => {
    for (const text of [
      'The head at Brackenfield Academy has started a wellbeing programme for staff with stress.',
      'Mrs Dale runs the capability training for new governors at Brackenfield Academy.',
      'The head of Brackenfield Academy spoke at the conference on how schools support staff with depression.',
    ]) expect(families(text), text).toEqual([]);
  });
});

describe('an internal e-mail or letter passed on with an idiom of secrecy', () => {
  it('"the SLT email went round about cutting TA posts. Mum\'s the word", "sent me their internal letter … nobody knows yet": a leak', () => {
    for (const text of [
      "Heard at the school gate: the Brackenfield SLT email went round about cutting two TA posts in April. Mum's the word.",
      'A mate at Brackenfield Academy sent me their internal letter about cutting the nursery. Nobody knows yet.',
    ]) expect(families(text), text).toContain('confidential');
  });
  it('a surprise kept for a retirement, a bake-off result, a lunch menu e-mail are not', () => {
    for (const text of [
      "Mum's the word, Brackenfield Academy's Year 6 are planning a surprise assembly for Mrs Dale's retirement!",
      'Nobody knows yet who won the Brackenfield bake off, results on Friday!',
      'The Brackenfield SLT email about the new lunch menu went round all parents this morning, looks good.',
    ]) expect(families(text), text).toEqual([]);
  });
});

describe('a condition spoken of in general, said to name no one', () => {
  it('a SENCo on the radio about a condition, guidance for a condition named after a doctor: not flagged', () => {
    for (const text of [
      "Radio Fenbridge: Brackenfield Academy's SENCo spoke on air about how schools support children with cystic fibrosis; no pupils named.",
      'Brackenfield Academy news: new guidance adopted for any child living with Pierre Robin sequence, no individual cases discussed.',
    ]) expect(families(text), text).toEqual([]);
  });
  it('a titled member of staff or a named child beside the condition still is', () => {
    for (const text of [
      "Brackenfield Academy's SENCo Mrs Dale has been off since Easter with cystic fibrosis complications; no pupils named in the letter though.",
      'Tilly Robin in Year 4 at Brackenfield Academy has cystic fibrosis, her nan told me.',
    ]) expect(families(text), text).toContain('confidential');
  });
});
