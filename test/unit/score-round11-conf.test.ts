/**
 * Round 11 contrast pairs for the confidential kinds, in general wording with invented schools: each behaviour is a kind (a
 * structure or a word class), with a flagged side and an unflagged side that shares its words. Scored by the rules alone
 * (no classifier, no school model), so a failure points at a rule or a lexicon line (data/lexicons/kinds-11-conf.tsv,
 * rules/confidential.ts, rules/credentials.ts).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const rules = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false, notNames: ['Brackenfield', 'Academy', 'College'] });
const ids = (text: string, title = '') => rules(text, title).categories.map((c) => c.id);

describe('a plea not to pass a matter on is no denial of it', () => {
  it('a member of staff\'s illness told with "don\'t spread it" is a leak', () => {
    for (const text of [
      'Mr Pennock at Brackenfield Academy has been signed off with a breakdown. Don\'t spread it.',
      'Mrs Lyle at Brackenfield Academy is off with depression again, my cousin covers her classes. dont spread it',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('the same words after a rumour the item calls untrue stay clear', () => {
    for (const text of [
      'People are saying Mr Pennock at Brackenfield Academy has been signed off with a breakdown. It\'s not true, he\'s on a course. Don\'t spread it.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('a chat line with no subject answers the question about a member of staff above it', () => {
  it('"> where\'s Mr X been?" / "> dunno" / "signed off, a breakdown" is about Mr X', () => {
    for (const text of [
      "> where's Mr Costigan been?\n> dunno\nsigned off, a breakdown. my sister covers at Brackenfield Academy. don't spread it",
      "> is Mrs Ferrand off again?\n> think so\nstress, since half term. Brackenfield Academy won't say owt",
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('an answer that names its own subject, or a question about no one titled, is not', () => {
    for (const text of [
      "> where's the Brackenfield Academy minibus been?\n> dunno\nsigned off, a breakdown on the A64. garage has it",
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('a document that went out says what it holds', () => {
  it('"got sent the staff rota by accident, it says Mr X - final written warning" is a member of staff\'s disciplinary matter', () => {
    for (const text of [
      'Got sent the Brackenfield Academy staff rota by accident, it says "Mr Boyd - final written warning, not on playground duty alone". Yikes',
      'The cover list got forwarded to the parents by mistake and the list says Mrs Orme is on a final written warning.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('a spokesperson who says the same is public reporting', () => {
    for (const text of [
      'A Brackenfield Academy spokesperson says Mr Boyd was given a final written warning after the hearing.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('what a public meeting heard was said in public', () => {
  it('a consultation or event that "heard" views is no rumour overheard', () => {
    for (const text of [
      'Plans for the Brackenfield Academy site were unveiled at a consultation at the library. The event heard concerns about parking, the council said.',
      'The public meeting heard that the Brackenfield Academy consultation on the new crossing closes in March.',
    ]) expect(ids(text), text).not.toContain('confidential.internal');
  });
  it('a friend who heard of a staff consultation before it is announced still passes it on', () => {
    for (const text of [
      'A friend on the governing body heard that Brackenfield Academy is starting a consultation on cutting two TA posts. Not announced yet, keep it quiet.',
    ]) expect(ids(text), text).toContain('confidential.internal');
  });
});

describe('a member of staff by role, named in the next sentence', () => {
  it('"one of the nurses at X is off for cancer treatment. Her name is …" is that person\'s health', () => {
    for (const text of [
      'One of the nurses at Brackenfield Academy is off for cancer treatment. Her name is Lorraine Pask, lovely woman.',
      'One of the lecturers at Brackenfield College has been signed off with stress. His name is Aled Corran.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('the same role running a session on the condition is its topic', () => {
    for (const text of [
      'One of the nurses at Brackenfield Academy ran a session on cancer treatment for the sixth form. Her name is Lorraine Pask, lovely woman.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('everyday wording of a psychiatric admission or a suicide attempt', () => {
  it('a named student in a "psych ward" after "trying to kill himself" is a pupil\'s health', () => {
    for (const text of [
      'Our tutor at Brackenfield College told the class that Kian Dorsey left because he\'s in a psych ward.',
      'Brackenfield College lecturer told us Rhiannon Tate dropped out after trying to kill herself. Why tell 25 people that',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same words as a cause someone raises money for are its topic', () => {
    for (const text of [
      'Kian Dorsey at Brackenfield College is raising money for psych ward awareness this spring.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('a sentence opening on a bare verb goes on about the person named before it', () => {
  it('"X joins on Tuesday. Has epilepsy and takes Epilim" is X\'s health', () => {
    for (const text of [
      "Cadet instructors' group: Iestyn Carrow from Brackenfield Academy joins on Tuesday. Has epilepsy and takes Epilim, keep it off the noticeboard.",
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('a bare verb with no condition after it says nothing sensitive', () => {
    for (const text of [
      "Cadet instructors' group: Iestyn Carrow from Brackenfield Academy joins on Tuesday. Has a bike and takes the bus, say hello.",
      "Cadet instructors' group: Iestyn Carrow from Brackenfield Academy joins on Tuesday. Epilepsy awareness talk after, takes an hour.",
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('a named pupil seen on a live stream', () => {
  it('"live from the changing rooms, X in frame" is a video of a named pupil', () => {
    for (const text of [
      'stream overlay text: live from the Brackenfield College changing rooms, Iestyn Hussain in frame lmao',
      'went live from the Brackenfield Academy canteen, Mollie Grange in shot the whole time',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same stream with the families\' consent is not', () => {
    for (const text of [
      'stream overlay text: live from the Brackenfield College sports day, Iestyn Hussain in frame, parents gave consent for the stream',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('a school system and its secret, with a school name or a chat emote between', () => {
  it('"the school Google account at X, Kestrel#42" and "… account KEKW Kestrel#42" give the secret', () => {
    for (const text of [
      "> what's the staff login again?\nthe school Google account at Brackenfield Academy, Kestrel#42. same as last year",
      'chat Brackenfield Academy still hasnt changed the school Google account KEKW Kestrel#42 go wild',
    ]) expect(ids(text), text).toContain('confidential.credentials');
  });
  it('the same words with a score or a year group, not a secret, are not', () => {
    for (const text of [
      "> what's the staff login again?\nthe school Google account at Brackenfield Academy, ask the office. same as last year",
      'chat Brackenfield Academy still hasnt changed the school Google account KEKW Year10 still locked out go wild',
    ]) expect(ids(text), text).not.toContain('confidential.credentials');
  });
});

describe('a photo or video that names the pupils in it, put out without permission', () => {
  it('"with the kids\' names", a court order that is a child\'s protection, "hadn\'t given permission" are leaks', () => {
    for (const text of [
      "Someone posted a photo from the Brackenfield Academy Year 7 trip on TikTok with the kids' names and one of them is a child who's meant to be hidden from her dad - court order. Please take it down",
      'Photos from the Brackenfield Academy sports day, [photo album: 12 photos, close-ups of named pupils] "Efa Rowlands winning the sprint" posted by a grandparent, school hadn\'t given permission to share',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same pictures with the families\' consent, or a court report about a photo, are not', () => {
    for (const text of [
      "Brackenfield Academy posted a photo from the Year 7 trip with the kids' names, with their parents' consent.",
      'Photos from the Brackenfield Academy sports day, [photo album: 12 photos, close-ups of named pupils] "Efa Rowlands winning the sprint", shared with permission from every family.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('SEND interventions and care arrangements by their everyday names', () => {
  it('a named pupil with an ELSA\'s sessions, a modified timetable, Talk Boost or supported lodgings', () => {
    for (const text of [
      'bro Aisha Corran from my Year 9 at Brackenfield Academy is on daily sessions with the ELSA lmaooo thats why they leave maths early',
      'Youth club rota: Peadar Lusk (Brackenfield Academy, Year 5) will be in on Weds, has a modified timetable at school so may need the quiet room.',
      "Ma pal's wean Poppy Corran at Brackenfield Academy has got Talk Boost in a small group noo, Year 5.",
      'Cadet unit admin: Callum Dorsey (Brackenfield Academy) is living in supported lodgings through the council. Do NOT share.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same provision described by the school with no child named is not', () => {
    for (const text of [
      'Brackenfield Academy newsletter: our ELSA now runs daily sessions with the ELSA for any child who needs them, and Talk Boost groups start in Year 1.',
      'The council is looking for supported lodgings hosts near Brackenfield Academy, ring the fostering team.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('a chat question about a child, answered on the next line', () => {
  it('"> why\'s X not at the sleepover?" / "because they\'re on a child protection plan" is the child\'s', () => {
    for (const text of [
      "> why's Harvey Dorsey not at the sleepover?\nbecause they're on a child protection plan. school (Brackenfield Academy) told the PTA lot, not me. keep it to yourself",
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('an answer that gives an ordinary reason is not', () => {
    for (const text of [
      "> why's Harvey Dorsey not at the sleepover?\nbecause they're at their nan's this weekend. Brackenfield Academy kids are all going next time",
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('an internal e-mail forwarded, with its audience line', () => {
  it('"FW: … Private to staff:", "FW: … strictly staff only" are internal documents passed on', () => {
    for (const text of [
      "Parish magazine editor's in-tray, accidentally printed in the draft: FW from Brackenfield Academy, 'Private to staff: the chair's letter about the head's conduct'.",
      '> Subject: RE: RE: FW: strictly staff only\n> From: office@brackenfield.example\nPasted for the group because parents deserve to know: the complaint about the Year 6 residential.',
    ]) expect(ids(text), text).toContain('confidential.internal');
  });
  it('a forwarded school letter meant for families is not', () => {
    for (const text of [
      "FW from Brackenfield Academy: the chair's letter to all parents about the new uniform supplier, please share with families.",
    ]) expect(ids(text), text).not.toContain('confidential.internal');
  });
});

describe('a system, the part of it a log-in opens, and its secret', () => {
  it('"the MIS (Arbor) — Kestrel42", "the Google Workspace admin console — Kestrel#42" give the secret', () => {
    for (const text of [
      "teacher off Brackenfield Academy dropped a sticky note on my back seat: 'the MIS (Arbor) — Governor99'. kept it lol",
      "teacher off Brackenfield Academy dropped a sticky note on my back seat: 'the Google Workspace admin console — Winifred2026!'. kept it lol",
    ]) expect(ids(text), text).toContain('confidential.credentials');
  });
  it('the same system beside an update or a year group is no secret', () => {
    for (const text of [
      "the Google Workspace admin console at Brackenfield Academy — Year10 timetables are up",
    ]) expect(ids(text), text).not.toContain('confidential.credentials');
  });
});

describe('a sentence that opens on a process has the titled member of staff before it as its subject', () => {
  it('"fare tonight was Mrs X. under investigation over a post, they reckon." is Mrs X\'s matter', () => {
    for (const text of [
      "Minicab drivers' group: fare tonight was Mrs Hargreaves off Brackenfield Academy. under investigation over a social media post, they reckon. Cried all the way.",
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('a process sentence with its own subject after the verb is not', () => {
    for (const text of [
      'Brackenfield Academy news: Mrs Hargreaves retires this summer. Under investigation by the council is the plan to move the bus stop.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});
