/**
 * Contrast pairs for the confidential and reputation kinds of round 7 (issue 11): leaks passed on informally, in lower
 * case and chat wording. Each behaviour has a flagged side and an unflagged side that shares its words, scored by the
 * rules alone (no classifier, no school model), so a failure points at a rule or a lexicon line. The sentences are
 * written for this test; the kinds come from the misses of the spent sets blind-2026-12-01b, heldout-f and corpora
 * y, z and aa (their wording is not reused).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const ids = (text: string) => scoreItem({ title: '', text }, undefined, { classifier: false }).categories.map((c) => c.id);

describe('a school decision passed on before it is public', () => {
  it('a change to classes, posts, phases or the head, with words that say it is kept from parents or staff, is a leak', () => {
    for (const text of [
      "elmfield nursery is shutting next july and two TA jobs are going. parents haven't been told, staff got told to keep it to themselves",
      "heard from a governor that elmfield and st john's are federating in september and the deputy's post is being cut. it's not public yet",
      'slt told us not to tell parents but year 7 is going down to four forms next year at Elmfield',
      "Elmfield's new head has already been picked, they're not announcing it till after the governors meet in March",
      'Screenshot of an Elmfield staff message that ended up in our group: plans to merge the two reception classes. SLT only, apparently.',
      'Elmfield are cutting the music department next year. Nothing has gone out to parents yet, I shouldn\'t really be saying.',
    ]) expect(ids(text), text).toContain('confidential.internal');
  });
  it('the same decision announced by the school, or a secret about something else, is not', () => {
    for (const text of [
      'Elmfield is merging the two reception classes next year, the head announced at parents evening.',
      'The nursery at Elmfield is closing next July, the council confirmed in a statement to parents.',
      "keep it to yourselves but it's Mrs Dunn's 50th on friday and we're getting her a cake from the whole class",
      "Shh, don't tell the kids: the Elmfield summer fair is getting a bouncy castle this year!",
      'Elmfield have announced they are cutting the music department next year, letter went out to parents today.',
    ]) expect(ids(text), text).not.toContain('confidential.internal');
  });
});
