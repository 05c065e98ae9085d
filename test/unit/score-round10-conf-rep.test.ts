/**
 * Round 10 contrast pairs for the confidential and reputation kinds, in general wording with invented schools: each
 * behaviour is a kind (a structure), with a flagged side and an unflagged side that shares its words. Scored by the rules
 * alone (no classifier, no school model), so a failure points at a rule or a lexicon line
 * (data/lexicons/kinds-10-conf-rep.tsv, rules/confidential-context.ts, rules/reputation.ts).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const rules = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false, notNames: ['Brackenfield', 'Academy'] });
const ids = (text: string, title = '') => rules(text, title).categories.map((c) => c.id);

describe('a public cue the item negates makes nothing public', () => {
  it('a sheet of pupils\' grades out by mistake, "not announced yet", is a leak', () => {
    for (const text of [
      "Our S4 mock results at Brackenfield Academy were put on a shared Google sheet by mistake, open link, every pupil's name and grades. Not announced to anyone yet.",
      "The Year 11 predicted grades list at Brackenfield Academy went round the group chat by mistake, full names and all. It hasn't been published.",
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same results once announced by the school are its news', () => {
    for (const text of [
      "Brackenfield Academy's S4 mock results were announced today: 82% of pupils got grades A to C, the school said.",
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('a condition that names a community or a service is no one\'s health', () => {
  it('a titled member of staff\'s own condition still counts', () => {
    for (const text of [
      'Mrs Hale at Brackenfield Academy has autism, she told the staffroom, and is getting anxiety support from occupational health.',
      "Mr Dunn at Brackenfield Academy is off again, his anxiety is back and the head knows.",
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('"autism mums", "anxiety support" beside a teacher are the topic', () => {
    for (const text of [
      'His teacher at Brackenfield Academy rang me straight away. Autism mums, there is hope.',
      'The pastoral team at Brackenfield Academy answered all our questions about anxiety support, and the head was lovely.',
      'Our teacher at Brackenfield Academy runs the dyslexia provision on Tuesdays, it is brilliant.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe("the writer's own child", () => {
  it("a condition said of a member of staff in a parent's post still counts", () => {
    for (const text of [
      'My son starts at Brackenfield Academy in September. Mrs Hale, his new teacher, has been signed off with depression, the office told me.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('a named child after "my"/"our" and the staff caring for their need are the family\'s own news', () => {
    for (const text of [
      "So proud of my Jayden, he's got his EHCP finalised and starts at Brackenfield Academy after half term. Autism diagnosis was a long road but we got there. Thank you to his new teacher for the home visit.",
      'My son loved the Brackenfield Academy open morning. The head of science showed him the labs and the learning support team had clearly thought about how they would manage his dyspraxia in exams.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('the illness a person died of, told in a tribute', () => {
  it('a living member of staff\'s illness still counts', () => {
    for (const text of [
      'Mr Garside, the head of Brackenfield Academy, has been off for weeks with a serious illness, he is in a bad way.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('a tribute that says he died after a short illness does not', () => {
    for (const [title, text] of [
      ['Tributes to former headteacher', 'Tributes have been paid to Brian Garside, who led Brackenfield Academy for 22 years before it became an all-through school. He died at home aged 81 after a short illness.'],
      ['', 'Sad news: Mrs Hale, who taught at Brackenfield Academy for 30 years, passed away last week after a long illness. Rest in peace.'],
    ] as const) expect(ids(text, title), text).not.toContain('confidential.staff-personal');
  });
});

describe('a home address in slang', () => {
  it('"home addy is" before a house name and a postcode is the home', () => {
    expect(ids("Brackenfield Academy teacher Mrs Bowen's home addy is Bryn Awel, Heol y Capel, Cwmdewi SA99 2NE if anyone wants to send a card")).toContain('confidential.contact-details');
  });
  it('the school\'s own address with its postcode is not', () => {
    expect(ids('Brackenfield Academy, Heol y Capel, Cwmdewi SA99 2NE: the open evening starts at six.')).not.toContain('confidential.contact-details');
  });
});

describe('regulator verdicts across the UK nations', () => {
  it('an inspectorate telling a named setting to improve is a poor verdict', () => {
    for (const text of [
      'The Care Inspectorate has told the nursery class at Brackenfield Academy to improve after a child was found alone outside.',
      'Care Inspectorate Wales has told the playgroup at Brackenfield Academy to improve its safeguarding.',
    ]) expect(ids(text), text).toContain('reputation.inspection');
  });
  it('a school leaving formal intervention after "significant improvement" is good news', () => {
    for (const text of [
      'Brackenfield Academy has left formal intervention after the Education and Training Inspectorate found "significant improvement" in leadership.',
      'Brackenfield Academy is out of formal intervention: inspectors found significant improvement in teaching.',
    ]) expect(ids(text), text).not.toContain('reputation.inspection');
  });
});

describe('blame aimed at a body other than the school', () => {
  it('the school accused is criticism', () => {
    for (const text of [
      'Brackenfield Academy has been accused of failing pupils with additional needs, parents say.',
      'Parents have accused Brackenfield Academy of abandoning pupils with additional needs.',
    ]) expect(ids(text), text).toContain('reputation.criticism');
  });
  it('the council accused of it, the school named as one affected, is not', () => {
    for (const text of [
      'The county council has been accused of failing pupils with additional needs, parents at Brackenfield Academy say.',
      'West Carrick Council has been accused of "abandoning" pupils with additional needs. Brackenfield Academy is one of seven schools that will lose assistants.',
    ]) expect(ids(text), text).not.toContain('reputation.criticism');
  });
});

describe('a rumour answered no, with the paper as its source', () => {
  it('the same question answered yes, with the paper as its source, still counts', () => {
    expect(ids("> is Brackenfield Academy being taken over by that private company?\nYes. It's leaving the council. The head wrote to all parents and it was in the Echo too.")).toContain('reputation.criticism');
  });
  it('"No. … it was in the Echo too" rebuts the rumour', () => {
    expect(ids("> is Brackenfield Academy being taken over by that private company?\nNo. It's staying with the council. The head wrote to all parents and it was in the Echo too.")).not.toContain('reputation.criticism');
  });
});

describe('a school system taken up again by "it" before its secret', () => {
  it('"still haven\'t changed CPOMS, it\'s letmein22" gives the password', () => {
    for (const text of [
      "haway, Brackenfield Academy still havent changed CPOMS, it's letmein22, been that since I started",
      "Brackenfield Academy never changed the staff wifi, it is Kestrel-2027 still",
    ]) expect(ids(text), text).toContain('confidential.credentials');
  });
  it('the system with "it\'s" and no secret after it does not', () => {
    for (const text of [
      "Arbor at Brackenfield Academy is down again, it's been like that since the Spring2026 update",
      "CPOMS at Brackenfield Academy, it's brilliant for logging concerns, we have used it since 2019",
    ]) expect(ids(text), text).not.toContain('confidential.credentials');
  });
});

describe('a photo of pupils put out with no consent form, or put out again after it was taken down', () => {
  it('named past "incl." with no form signed, or reposted from a staff member\'s own page, is a leak', () => {
    for (const text of [
      "Club page: pics of the Brackenfield Academy lads from Saturday, incl. Poppy Ashdown in the showers, parents didn't sign anything",
      "Found the photo of the Brackenfield Academy P1s at the gala that the janitor put on his own page before it got took doon. Here it is again 👇 [photo: eight P1 pupils at the poolside, first names written on the back]",
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same photo with the forms signed, or the school\'s own post, is not', () => {
    for (const text of [
      'Club page: pics of the Brackenfield Academy lads from Saturday, incl. Poppy Ashdown with the cup, parents all signed the consent forms',
      'Brackenfield Academy P1s had a brilliant time at the gala! [photo: the P1 class at the poolside, faces blurred]',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('a list of people said to share a sensitive attribute', () => {
  it('the families on bursaries, named in a list, is a leak', () => {
    for (const text of [
      'Apparently these are the families at Brackenfield Academy on 100% bursaries this year: the Adeyemis, the Wrights (dad lost his business), the Kowalskis. Thought the PTA should know.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('a list with no sensitive attribute, or a notice naming the staff to contact, is not', () => {
    for (const text of [
      'These are the families at Brackenfield Academy who won the Christmas raffle: the Adeyemis, the Wrights, the Kowalskis. Well done all!',
      'Families on bursaries at Brackenfield Academy: for the ski trip contact Mrs Amy Reid or Mr Tom Price in the office.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});
