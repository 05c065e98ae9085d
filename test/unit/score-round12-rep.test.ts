/**
 * Round 12 contrast pairs for the reputation kinds, in general wording with invented schools: each behaviour is a kind
 * (a structure), with a flagged side and an unflagged side that shares its words. Scored by the rules alone (no
 * classifier, no school model), so a failure points at a rule or a lexicon line (data/lexicons/kinds-12-rep.tsv,
 * rules/reputation.ts).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const rules = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false, notNames: ['Fernhollow', 'Academy'] });
const ids = (text: string, title = '') => rules(text, title).categories.map((c) => c.id);

describe('a poor grade told as an anniversary or a look back, with a good grade now, is the school\'s past', () => {
  it('an anniversary or a throwback to a poor grade, in an item that tells a good grade now, is not news', () => {
    for (const [title, text] of <[string, string][]>[
      ['Five years since inadequate', 'Fernhollow Academy, which was judged inadequate in 2019, has now been rated good by inspectors. Teachers talk about the change.'],
      ['Village memories', "Throwback to 2014 when Fernhollow Academy was told it requires improvement and people said it was finished. Now it's rated outstanding and my niece loves it."],
      ['', 'Twenty years on from special measures at Fernhollow Academy. The school was judged good again this spring.'],
    ]) expect(ids(text, title), text).not.toContain('reputation.inspection');
  });
  it('the same anniversary with no good grade, or a poor grade now, is still a poor grade', () => {
    for (const [title, text] of <[string, string][]>[
      ['Five years since inadequate', 'Fernhollow Academy, judged inadequate in 2019, is still waiting for its next inspection. Parents say little has changed.'],
      ['Village memories', "Throwback to 2014 when Fernhollow Academy was rated good. Now it's been told it requires improvement and people are worried."],
      ['', 'Twenty years on from the flood at Fernhollow Academy, inspectors have placed the school in special measures.'],
    ]) expect(ids(text, title), text).toContain('reputation.inspection');
  });
});

describe('an inspection verdict the writer calls absurd or unfair is a verdict on the inspectorate', () => {
  it('the verdict, the report or the rating called absurd, with the grade told in the item, is no news against the school', () => {
    for (const [title, text] of <[string, string][]>[
      ["Letter: the inspectors' verdict on our school is absurd", 'Sir, - Two days of inspection and a kind, well-run school like Fernhollow Academy is told it requires improvement. The children were barely asked anything.'],
      ['', "Ofsted's report on Fernhollow Academy is ridiculous. They rated it inadequate after looking at one year group's data."],
    ]) expect(ids(text, title), text).not.toContain('reputation.inspection');
  });
  it('the same verdict told plainly, or called fair, is still a poor grade', () => {
    for (const [title, text] of <[string, string][]>[
      ["Letter: the inspectors' verdict on our school", 'Sir, - After two days of inspection Fernhollow Academy has been told it requires improvement. The children were barely asked anything.'],
      ['', "Ofsted's report on Fernhollow Academy is fair. They rated it inadequate after looking at one year group's data."],
    ]) expect(ids(text, title), text).toContain('reputation.inspection');
  });
});
