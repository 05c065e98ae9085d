/**
 * Round 9 abuse: look-alikes the trained model flagged from its words alone, and the kinds it must keep. Scored as an
 * item of an invented school with the school model, so the words the rules read as benign are what is tested.
 */
import { describe, expect, it } from 'vitest';
import { assessItem, loadSchoolsFile } from '../../lib/score/assess';
import { ruleParts, scoreItem } from '../../lib/score';
import { mutedSpans } from '../../lib/score/rules/muted';

const schools = loadSchoolsFile([{ id: 'brackenfield', name: 'Brackenfield Academy', aliases: ['Brackenfield'] }]);
const families = (text: string) => assessItem({ id: 'x', school: 'brackenfield', text }, schools).families;
const rules = (text: string) => scoreItem({ title: '', text }, undefined, { classifier: false }).categories.map((c) => c.id);

describe('knowing someone\'s car or house for an ordinary reason', () => {
  it('a reason of everyday life in the sentence is not surveillance', () => {
    for (const text of [
      'Mrs Adeyemi from Brackenfield. I know which car she drives because she gives me a lift to the gym on Tuesdays.',
      'I know which car Mr Tallis at Brackenfield drives because he parks next to me at work every morning.',
      'Anyone know Mrs Adeyemi at Brackenfield? I know where she lives because she is my neighbour, lovely woman.',
    ]) {
      expect(families(text), text).not.toContain('abuse');
      expect(rules(text), text).not.toContain('abuse.threat');
    }
  });
  it('the same knowledge with a warning and no ordinary reason stays a threat', () => {
    for (const text of [
      'Mrs Adeyemi from Brackenfield, I know which car she drives. Be careful on Tuesdays.',
      'I know where Mr Tallis from Brackenfield lives and which car he drives. See you soon.',
    ]) expect(families(text), text).toContain('abuse');
  });
});

describe('a rhetorical "who really runs" answered by a school body', () => {
  it('the answer is parents, governors or the PTA: a complaint, not a dog whistle', () => {
    for (const text of [
      'Look who really runs the governors at Brackenfield. Parents again.',
      'Who really runs Brackenfield? The PTA, as usual.',
    ]) expect(families(text), text).toEqual([]);
  });
  it('a bare answer ("Parents again.") is muted with its question, so the model has no words of it to judge alone', () => {
    const text = 'Look who really runs the governors at Brackenfield. Parents again.';
    const doc = ruleParts({ title: '', text }).doc;
    const muted = mutedSpans(doc).map((s) => doc.clean.text.slice(s.start, s.end)).join(' ');
    expect(muted).toContain('who really runs');
    expect(muted).toContain('parents again');
    // an answer that goes on to say more keeps its own words for the model
    const longer = ruleParts({ title: '', text: 'Look who really runs the governors at Brackenfield. Parents again, and they have wrecked the place.' }).doc;
    expect(mutedSpans(longer).map((s) => longer.clean.text.slice(s.start, s.end)).join(' ')).not.toContain('wrecked');
  });
  it('the coded answer ("you know who", "their own") is still abuse', () => {
    for (const text of [
      'Typical of who really runs Brackenfield. They always look after their own, you know who I mean.',
      'Ask yourself who really runs Brackenfield. You know who I mean.',
    ]) expect(families(text), text).toContain('abuse');
  });
});

describe('an exposed address with a call to go and confront the person there', () => {
  it('slang and dialect calls to turn up, egg or have a word beside an address are harassment', () => {
    for (const text of [
      'Mr Tallis from Brackenfield lives at 12 Orchard Way. pull up friday, bring eggs.',
      'Mr Tallis from Brackenfield lives at 12 Orchard Way. Some of the dads are going to have a chat with him.',
      'The Brackenfield head lives at 12 Orchard Way. Someone egg it.',
      'Mrs Dunn at Brackenfield lives above the bakery on Mill Street, if anyone wants to have a word.',
      'Mr Tallis at Brackenfield, 12 Orchard Way. Go chap his door and ask him why.',
    ]) expect(rules(text), text).toContain('abuse.harassment');
  });
  it('the same words with no address, or an address with an ordinary errand, are not', () => {
    for (const text of [
      'Brackenfield parents evening is Thursday, pull up a chair and bring eggs for the cake sale.',
      'If anyone wants to have a word about the Brackenfield fair, I am on the stall by the gate.',
      'Mrs Dunn at Brackenfield lives at 12 Orchard Way and is going to have a chat with the council about the crossing.',
    ]) expect(rules(text), text).not.toContain('abuse.harassment');
  });
});

describe('threat idioms without a verb of violence in the first person', () => {
  it('a firing squad wished, a face better not shown, a car to be keyed, a warning to watch yourselves', () => {
    for (const text of [
      'Brackenfield teachers should be lined up and shot, every one of them.',
      'Mr Tallis from Brackenfield had better not show his face at the rugby club on Saturday.',
      'Next time a Brackenfield teacher blocks my drive I\'m keying it.',
      'Brackenfield staff, just watch yourselves on Monday.',
    ]) expect(rules(text), text).toContain('abuse.threat');
  });
  it('the look-alikes are not threats', () => {
    for (const text of [
      'The Brackenfield Year 6s were lined up against a wall for the class photo.',
      'Mr Tallis was too embarrassed to show his face at the Brackenfield reunion after the quiz.',
      'Brackenfield pupils, watch yourselves on the ice by the gates this morning.',
    ]) expect(rules(text), text).not.toContain('abuse.threat');
  });
});
