/**
 * Review of round 6's confidential and reputation rules (issue 11): ordinary text about a school that the new rules
 * flagged, each beside the flagged wording it must still catch. Sentences written for this review; rules only.
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const ids = (text: string) => scoreItem({ title: '', text }, undefined, { classifier: false }).categories.map((c) => c.id);

describe('a vehicle registration is a member of staff\'s car, not the school\'s minibus or coach', () => {
  it('the school minibus, coach or van with its registration is not a contact detail', () => {
    for (const text of [
      'Calder Brook teachers: the minibus registration is MA21 VYK, please note it for the trip forms, says the head.',
      'The Calder Brook coach, reg YX19 KLM, will leave at 8am, says the head.',
      "Calder Brook's new electric school van (plate AB12 CDE) was donated by the council, the head said.",
    ]) expect(ids(text), text).not.toContain('confidential.contact-details');
  });
  it("the head's own car still is", () => {
    expect(ids('Calder Brook head Mrs Lowe parks her Audi LK71 DWA on the zigzags every morning.')).toContain('confidential.contact-details');
  });
});

describe('a UPN-shaped number labelled as something else', () => {
  it('an order, ticket or booking reference beside a name is not a pupil number', () => {
    for (const text of [
      'Calder Brook Academy parents: order your uniform online, order ref B513309274416 for Jack Smith.',
      'Calder Brook ticket B513309274416 for Jess Allen, Year 7 prize evening.',
    ]) expect(ids(text), text).not.toContain('confidential.contact-details');
  });
  it('a record line with a name and the number still is', () => {
    expect(ids('Jack Smith B513309274416 Calder Brook')).toContain('confidential.contact-details');
  });
});

describe('a fall in results is of the results, not of what fell after they rose', () => {
  it('results that rose and something else that fell is no decline', () => {
    for (const text of [
      'Calder Brook GCSE results: pass rate rose from 61% to 74%, and absence fell to 4%.',
      'Calder Brook results improved again and exclusions fell by half.',
      'Calder Brook results are up and persistent absence dropped to 9%.',
    ]) expect(ids(text), text).not.toContain('reputation.criticism');
  });
  it('results that fell still are', () => {
    expect(ids("Calder Brook's results fell from 61% to 44% this summer.")).toContain('reputation.criticism');
  });
});

describe('harm or a money loss said not to have happened', () => {
  it('"no child was hurt", "no deficit" report nothing', () => {
    for (const text of [
      'No child was hurt, Calder Brook said after the fire alarm drill.',
      'Nobody was injured when a tree fell near Calder Brook, and pupils were not hurt.',
      'Calder Brook has no deficit this year: the budget balanced at £1.2m.',
    ]) expect(ids(text), text).not.toContain('reputation.criticism');
  });
  it('harm and a deficit said plainly still are', () => {
    for (const text of [
      'A Calder Brook pupil was taken to hospital after a chemical spill in the science lab.',
      "Calder Brook's budget has a £300k deficit, governors were told.",
    ]) expect(ids(text), text).toContain('reputation.criticism');
  });
});

describe('results figures from a past year beside a results-day notice', () => {
  it("last year's figure in the school's notice is no leak", () => {
    expect(ids("Calder Brook results day: not public till 8am, so please don't post your grades before then. Last year 68% got 5+.")).not.toContain('confidential.internal');
  });
  it('this year\'s figure passed on before the day still is', () => {
    expect(ids('Keep it in the group: Calder Brook Year 11 mock results are 40% pass, my cousin says.')).toContain('confidential.internal');
  });
});

/**
 * Work done while scoring: characters read one by one (a sentence walked back and forth) and characters copied by
 * slices. Counted, not timed: an item twice as long should cost about twice as much, not four times.
 */
function work(run: () => void): number {
  let count = 0;
  const { charCodeAt, slice } = String.prototype;
  String.prototype.charCodeAt = function (this: string, i: number) {
    count++;
    return charCodeAt.call(this, i);
  };
  String.prototype.slice = function (this: string, a?: number, b?: number) {
    const r = slice.call(this, a, b);
    count += r.length;
    return r;
  };
  try {
    run();
  } finally {
    String.prototype.charCodeAt = charCodeAt;
    String.prototype.slice = slice;
  }
  return count;
}

describe('the new home, registration and pupil-number readings on a long item with no full stops', () => {
  it('cost in proportion to its length', () => {
    for (const unit of ['Mr Hale lives near the park, ', 'the car AB12 CDE, ', 'Jack Smith B513309274416, ']) {
      const cost = (n: number) => work(() => scoreItem({ title: '', text: unit.repeat(n) }, undefined, { classifier: false }));
      const ratio = cost(600) / cost(300);
      expect(ratio, unit).toBeLessThan(3);
    }
  });
});

describe('money the school receives and harm the school raises money for', () => {
  it('compensation the school won, and a collection for an injured child elsewhere, are no incident at the school', () => {
    for (const text of [
      'Calder Brook won £5,000 from the builder as a settlement for the leaking roof.',
      'Calder Brook pupils raised £2,500 for the hospice, and the penalty shootout at sports day was brilliant.',
    ]) expect(ids(text), text).not.toContain('reputation.sanction');
    for (const text of [
      'Calder Brook pupils raised £300 for a boy who broke his arm on holiday in Spain.',
      'Calder Brook pupils held a sponsored walk for a girl who was hurt in a crash in Thornleigh.',
    ]) expect(ids(text), text).not.toContain('reputation.criticism');
  });
  it('damages the school pays, and a pupil hurt at the school, still are', () => {
    expect(ids('The trust agreed to pay £85,000 in damages to a former Calder Brook pupil.')).toContain('reputation.sanction');
    expect(ids('The family won a £20,000 settlement from Calder Brook after the tribunal.')).toContain('reputation.sanction');
    expect(ids('A Calder Brook schoolgirl was injured when a fence collapsed in the playground.')).toContain('reputation.criticism');
  });
});

describe('harm and decline words in their everyday senses', () => {
  it('a pupil who left things behind, burned the midnight oil or suffered a defeat, and results that fell on a day or dropped through a letterbox, report nothing', () => {
    for (const text of [
      'Calder Brook Year 7 children left behind their old classrooms as the new block opened.',
      'A Calder Brook pupil burned the midnight oil and got four A* grades!',
      'Calder Brook pupils suffered a narrow 2-1 defeat in the county cup final but played brilliantly.',
      "Calder Brook GCSE results day fell on my daughter's birthday this year, double celebration!",
      'Calder Brook A-level results envelopes dropped through letterboxes this morning, congratulations all.',
    ]) expect(ids(text), text).not.toContain('reputation.criticism');
  });
  it('a pupil left behind on a trip, who burned a hand or suffered a head injury, and results that fell to a figure, still are', () => {
    for (const text of [
      'A Calder Brook pupil was left behind at the services on the way back from the trip.',
      'A Calder Brook pupil burned her hand on a Bunsen burner in the science lab.',
      'A Calder Brook pupil suffered a head injury in the playground at lunch.',
      "Calder Brook's results fell to 44% this summer.",
    ]) expect(ids(text), text).toContain('reputation.criticism');
  });
});

describe("a community body's newsletter as the subject of says", () => {
  it('"the parish newsletter says" passes a teacher\'s illness on like "Parish newsletter:"', () => {
    expect(ids('The parish newsletter says Mrs Teague from Calder Brook is off with pneumonia since half term.')).toContain('confidential.staff-personal');
  });
  it('"the school newsletter says" still publishes it', () => {
    expect(ids('The school newsletter says Mrs Teague from Calder Brook is off with pneumonia since half term.')).not.toContain('confidential.staff-personal');
  });
});

describe('a home told by description, not a place the person goes', () => {
  it('staying at school or a hotel, living for a club, a street on the way in, a church on a street: no home address', () => {
    for (const text of [
      'Mrs Lowe stays in school on Moss Lane until 6pm most nights, the hardest-working head Calder Brook has had.',
      "Calder Brook's Mr Hale stays at the Travelodge on Leeds Road when he runs the residential.",
      'Calder Brook PE teacher Mr Hale lives for Saturdays at Thornleigh Rugby Club on Mill Road.',
      'Mr Hale from Calder Brook lives near school and walks in past Thornleigh Farm every day.',
      "Calder Brook's head said her home is wherever the children are, speaking at Moss Lane Church.",
    ]) expect(ids(text), text).not.toContain('confidential.contact-details');
  });
  it('a home said by its street or house still is', () => {
    for (const text of [
      'Mr Hale from Calder Brook lives off Theaker Lane, the house with the red door.',
      'Miss Carter, who teaches at Calder Brook, lives up the road at Holly Bank Farm, next to the shop.',
      'Mr Hale from Calder Brook lives next to the pub on Mill Road.',
    ]) expect(ids(text), text).toContain('confidential.contact-details');
  });
});

describe('a photo of an adult named with their role is no named pupil', () => {
  it('the head, a governor, a business manager or a visiting author named beside the photo', () => {
    for (const text of [
      "[photo] Calder Brook's new head Sarah Lowe on her first day at the school gates.",
      "Photo: Jess Allen, Calder Brook School's new business manager, with the new minibus.",
      '[photo] Calder Brook governor Priya Shah opens the new library.',
      '[image attached] Author Michael Morpurgo reading to Calder Brook Year 3 this afternoon.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
  it('a child named beside the photo still is', () => {
    for (const text of [
      '[photo attached] Tyler Hussain asleep on the Calder Brook Primary coach home from the trip.',
      '[image attached] Year 3 at Calder Brook: Ruby Okonjo with her painting.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
});

describe('"cuts" as self-harm, not cutting a cake or a ribbon', () => {
  it('a named child who cuts the cake, or a governor who cuts the ribbon, discloses nothing', () => {
    for (const text of [
      "Ruby Okonjo cuts the cake at the Calder Brook Year 6 leavers' party!",
      '[photo] Calder Brook governor Priya Shah cuts the ribbon on the new library.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
  it('a named child who cuts herself, or has cuts on her arms or wrists, still does', () => {
    for (const text of [
      'Calder Brook Year 9 girl Ruby Okonjo cuts herself, everyone in her class knows.',
      "the S3 lassie fae Calder Brook, Ruby Okonjo, that cuts hersel, she's posted again.",
      'Ruby Okonjo in Year 9 at Calder Brook cuts her arms, her pals say.',
      'Ruby Okonjo in Year 9 at Calder Brook, everyone knows she cuts and nobody does anything.',
      'Ruby Okonjo in Year 9 at Calder Brook has cuts on her arms again.',
      'Ruby Okonjo, Year 9 at Calder Brook, has cuts all over her wrists.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
});

describe('an emergency service at the school for a visit or an event', () => {
  it('police at a careers fair, paramedics teaching CPR, officers racing at sports day: no incident', () => {
    for (const text of [
      "Police at Calder Brook's careers fair talked to Year 10 about life in the force.",
      "Paramedics at Calder Brook's first-aid day taught Year 6 CPR.",
      "Police officers were at Calder Brook's sports day to race the dads, brilliant fun.",
    ]) expect(ids(text), text).not.toContain('reputation.criticism');
  });
  it('an ambulance outside reception or police at the gates still is', () => {
    for (const text of [
      'Ambulance outside Calder Brook reception again this morning, anyone know what happened?',
      'Police at the Calder Brook gates again at home time.',
    ]) expect(ids(text), text).toContain('reputation.criticism');
  });
});

describe('"excluded" from a team, not from school', () => {
  it('a named child left out of a match squad discloses nothing, whether the name stands alone or not', () => {
    for (const text of [
      'Ellis Marwood. Excluded from the match squad for missing training, says the coach at Calder Brook.',
      'Ellis Marwood in Year 9 was excluded from the match squad for missing training at Calder Brook.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
  it('a named child excluded from school, or permanently excluded, still does', () => {
    for (const text of [
      'Ellis Marwood in Year 9 was excluded from Calder Brook for fighting.',
      'Ellis Marwood. Permanently excluded. Calder Brook.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
});
