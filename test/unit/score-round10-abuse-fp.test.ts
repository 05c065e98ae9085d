/**
 * Round 10 abuse false alarms: insults the writer quotes, reports or asks about in order to deny or condemn them, road
 * warnings read as threats and everyday compounds holding an insult word. Each kind as a contrast pair: the item that must
 * not flag and its near miss, the writer's own abuse, that must. Scored as an item of an invented school with the school
 * model, as the eval does.
 */
import { describe, expect, it } from 'vitest';
import { assessItem, loadSchoolsFile } from '../../lib/score/assess';

const schools = loadSchoolsFile([{ id: 'brackenfield', name: 'Brackenfield Academy', aliases: ['Brackenfield'], context: ['Hadlow'] }]);
/** The families flagged; every item here names the school in full, so it must be read as about it. */
function families(text: string, title = ''): string[] {
  const r = assessItem({ id: 'x', school: 'brackenfield', title, text }, schools);
  expect(r.mentioned, text).toBe(true);
  return r.families;
}

function pair(name: string, benign: readonly string[], abusive: readonly string[]): void {
  describe(name, () => {
    it('reported, asked or warned: not abuse', () => {
      for (const text of benign) expect(families(text), text).not.toContain('abuse');
    });
    it('the writer\'s own abuse: still abuse', () => {
      for (const text of abusive) expect(families(text), text).toContain('abuse');
    });
  });
}

pair('a victim or onlooker condemns the words reported (condemnation: "this kind of hate", "why is this acceptable")', [
  "TES forum: a pupil at Brackenfield Academy called me a 'g*ppo' today. How do other staff deal with this kind of hate?",
  "Reddit: 'your teacher is a dirty slag' — that's what a kid at Brackenfield Academy wrote about Miss Hale. Why is this acceptable?",
], [
  'TES forum: the new TA at Brackenfield Academy is a g*ppo and everyone knows it.',
  'Miss Hale at Brackenfield Academy is a dirty slag. Why is she still teaching?',
]);

pair('a rebuttal idiom denies a label reported before it (denial: "nothing could be further from the truth")', [
  'Letter to the editor: Sir, your correspondent called Mr Hale of Brackenfield Academy thick as mince. Nothing could be further from the truth; he ran the Scout camp all Easter.',
], [
  'Letter to the editor: Sir, Mr Hale of Brackenfield Academy is thick as mince and should not be near children.',
]);

pair('a label asked as a question and answered no in regional wording (answer-no: "Gan away.")', [
  'Geordie dad: Mr Hale, Brackenfield Academy — as useful as a handbrake on a canoe? Gan away. That one organised the whole fair.',
], [
  'Geordie dad: Mr Hale at Brackenfield Academy is as useful as a handbrake on a canoe.',
  'Mr Hale at Brackenfield Academy — lazy? Aye, bone idle, never marks a thing.',
]);

pair('a question disagreed with ("Snobs? I don\'t agree that …") and a label denied by a flat copula ("It isn\'t.")', [
  "Brackenfield Academy snobs? I don't agree that Brackenfield Academy is full of snobs. My son went on a full bursary and was made welcome.",
  "people saying Brackenfield Academy is full of snobs... it's not snobby at all, my wee sister is from the estate and loves it",
  'I keep seeing Brackenfield Academy called a "sh*thole" on here. It isn\'t. Mine have been there six years and love it.',
], [
  'Brackenfield Academy is full of snobs. The staff are snobs and the parents are worse.',
  'Brackenfield Academy is a sh*thole and the head is a snob.',
]);

pair('vandals named in a headline by their deed (offence-verb, present tense: "yobs scrawl")', [
  "TOWN BLOG >> Mindless yobs scrawl 'DEAD' on Brackenfield Academy minibus; head says 'we won't be cowed'",
], [
  'TOWN BLOG >> Brackenfield Academy pupils are mindless yobs, the lot of them.',
]);

pair('a harm foretold and explained by a road hazard in the sentence after it (hazard: "tractors", "blind bend")', [
  "Mark my words, a bairn's getting flattened by Brackenfield Academy one of these mornings — tractors coming round the blind bend by the gate. Hadlow highways, wake up.",
], [
  'Mark my words, Mr Hale at Brackenfield Academy is getting flattened one of these mornings. He knows why.',
]);

pair('an insult word inside an everyday compound (benign-compound: "rat-run")', [
  "Phone-in transcript: it's the rat-run past the side gate, right by Brackenfield Academy. One of them little ones will get hurt, I'm telling you.",
], [
  'Phone-in transcript: Mr Hale at Brackenfield Academy is a rat, a proper rat.',
]);

describe('a question in the title answered by disagreement in the text (disagree-open: "I don\'t agree")', () => {
  it('the title\'s label is denied', () => {
    const text = "I don't agree that Brackenfield Academy is full of snobs. My son went on a full bursary from an estate and was never once made to feel out of place.";
    expect(families(text, 'Brackenfield Academy snobs?'), text).not.toContain('abuse');
  });
  it('agreement with the title\'s label is still abuse', () => {
    const text = 'Yes. Brackenfield Academy is full of snobs and the head is the worst snob of the lot.';
    expect(families(text, 'Brackenfield Academy snobs?'), text).toContain('abuse');
  });
});

describe('a road-safety petition with no council named (road-safety: "Safe Routes", "lollipop")', () => {
  it('asks for safe roads, not about the school', () => {
    const text = "Change.org-style petition page: 'Safe Routes for Brackenfield Academy'. We, Hadlow families, demand action on the missing lollipop person. It will kill a child. 812 supporters.";
    expect(families(text), text).toEqual([]);
    const drivers = "Change.org-style petition page: 'Safe Routes for Brackenfield Academy'. We, Hadlow families, demand action on drivers doing U-turns across the footpath. It will kill a child.";
    expect(families(drivers), drivers).toEqual([]);
  });
  it('a petition against the school is still reputation', () => {
    const text = "Change.org-style petition page: 'Sack the head of Brackenfield Academy'. We, Hadlow families, demand action on the bullying cover-up. 812 supporters.";
    expect(families(text), text).toContain('reputation');
  });
});
