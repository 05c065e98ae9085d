/**
 * Round 6 end-of-round review fixes in the abuse rules (rules alone, no classifier). Each case was found by trying
 * ordinary sentences about a school through the real code; sentences are written for this test.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const ids = (text: string) => scoreItem({ title: '', text }, undefined, { classifier: false }).categories.map((c) => c.id);

describe('review: "14 88" inside a longer number is an identifier, not an extremist code', () => {
  it('does not flag an NI number, a phone number, a payroll number or a bus number holding "14 88"', () => {
    for (const text of [
      'Mr Hale\'s NI number is VD 14 88 30 B, pass it on.',
      'Elmfield staff NI: AB 12 14 88 C',
      'Tel 01632 14 88 20 for Elmfield reception.',
      'Mr Hale\'s payroll number is 14 88 2031.',
    ]) expect(ids(text), text).not.toContain('abuse.extremist');
  });

  it('still flags 14/88 and 1488 standing alone', () => {
    for (const text of [
      'Someone sprayed 14/88 on the Elmfield bike shed and the head left it there.',
      'Mr Hale at Elmfield is proper 1488, everyone knows it.',
      'Elmfield lads chanting 14 88 at the match.',
    ]) expect(ids(text), text).toContain('abuse.extremist');
  });
});

describe('review: a bad-thing noun is a put-down only when it is what a person is called (negative-noun)', () => {
  it('does not flag a bad thing as the object of a verb in a sentence that names a person', () => {
    for (const text of [
      'Mrs Kerr made a mistake.',
      'Sorry Mr Hale, I made a mistake and your name was wrong.',
      'Mrs Kerr at Elmfield is dealing with a crisis.',
      'Miss Patel has a headache.',
      'Thank you Mrs Kerr for handling a tricky problem, and a mess.',
      'Mr Hale reported a burglary.',
      'She spotted an error in the Elmfield newsletter.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });

  it('does not flag a thing called a bad thing in a sentence that names a person', () => {
    for (const text of [
      'Mrs Kerr said the new timetable is a disaster and she is right.',
      'He said the dinner was a disaster.',
      'Mr Hale agrees the car park is a mess.',
      'Mrs Kerr says the trip was a disaster, the coach broke down.',
      'What a disaster of a day at Elmfield, the coach broke down.',
      'The trip was a disaster, but Mrs Kerr kept everyone calm.',
      'A failure of the council, not of Elmfield.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });

  it('still flags a person called a bad thing: copula, exclamation, label after a comma', () => {
    for (const text of [
      'Mrs Kerr at Elmfield is a disaster.',
      'The new head at Elmfield is a total disaster.',
      'Mr Hale at Elmfield? What a menace that man is.',
      'Mrs Kerr, an absolute fiasco, should never have been made head of Elmfield.',
      'Mr Hale\'s a disaster, Elmfield should sack him.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
});

describe('review: an exclamation about what happened, and a word that defends a person, are not put-downs (negative-noun)', () => {
  it('does not read "What a shame!" after news of a person as calling them a shame', () => {
    for (const text of [
      'Mrs Kerr is leaving Elmfield at Christmas. What a shame!',
      'Mr Hale broke his leg skiing. What a disaster!',
      'Mr Hale at Elmfield is off for the day. What a pain, no PE.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });

  it('does not read a person blamed for others\' failings or a good deterrent as a put-down', () => {
    for (const text of [
      'Mrs Kerr at Elmfield is a scapegoat.',
      'Mr Hale on the Elmfield gate is a deterrent, nobody messes about.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });

  it('still reads a label fragment after the person as calling them it', () => {
    for (const text of [
      'Mr Hale at Elmfield. A walking disaster.',
      'Elmfield\'s new deputy? A walking fiasco, that one.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
});

describe('review: re-running the lexicon import keeps the AFINN-165 nouns (scripts/import-lexicon-sources.ts)', () => {
  it('does not read its own afinn.tsv as a hand-written list and drop every entry', () => {
    const root = mkdtempSync(join(tmpdir(), 'lexicon-import-'));
    try {
      cpSync(resolve('data/lexicons'), join(root, 'data/lexicons'), { recursive: true });
      symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
      execFileSync(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), resolve('scripts/import-lexicon-sources.ts')], { cwd: root, stdio: 'pipe' });
      const rows = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('term\t'));
      const after = rows(join(root, 'data/lexicons/afinn.tsv'));
      expect(after.length).toBeGreaterThan(200);
      expect(after.some((r) => r.startsWith('fiasco\tnegative-noun'))).toBe(true);
      // a person blamed for others' failings, or one who deters, is not put down by the word
      expect(after.some((r) => /^(?:scapegoat|deterrent)\t/.test(r))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('review: a harm word inside an everyday idiom foretells no harm (harm-outcome, harm-idiom)', () => {
  it('does not flag "jumped at the chance", "decked out", "done in" (worn out) or "a slap on the wrist"', () => {
    for (const text of [
      'Mr Hale at Elmfield will have jumped at the chance to run the trip.',
      'Miss Patel\'s going to be decked out in tinsel for the Elmfield Christmas jumper day.',
      'After three parents\' evenings Mr Hale at Elmfield will be done in.',
      'They will be done in by the time the trip ends, Mrs Kerr took them up Snowdon.',
      'Mr Hale at Elmfield is getting a slap on the wrist from the governors.',
    ]) expect(ids(text), text).not.toContain('abuse.threat');
  });

  it('still flags the same harms foretold for a person', () => {
    for (const text of [
      'Mr Hale at Elmfield is gonna get done in one of these nights.',
      'Mrs Kerr from Elmfield is going to get jumped on her way home.',
      'Miss Patel at Elmfield is gonna get decked if she keeps this up.',
      'Mr Hale at Elmfield will be getting a slap.',
    ]) expect(ids(text), text).toContain('abuse.threat');
  });
});

describe('review: "a right X", "pure X" said of a thing is not a label of a person (intensified labels)', () => {
  it('does not flag a thing, the weather or a meal called "a right mess", "a proper bog", "pure gold"', () => {
    for (const text of [
      'Mrs Kerr at Elmfield said it\'s a right mess.',
      'Mr Hale says the Elmfield field is a proper bog.',
      'The Elmfield panto was pure gold, Mr Hale as the dame.',
      'Mrs Kerr\'s soup at the Elmfield fair was a right treat.',
      'She says the weather at Elmfield is pure baltic.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });

  it('does not flag a person called where they come from', () => {
    for (const text of [
      'She\'s a proper Brummie, Mrs Kerr at Elmfield.',
      'Mr Hale at Elmfield is a proper Mancunian.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });

  it('still flags a person called "a right X"', () => {
    for (const text of [
      'Mrs Kerr\'s a right plank, Elmfield deserves better.',
      'Honestly Mr Hale at Elmfield is a proper melt.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
});

describe('review: a sexual slur by its parts needs the person as its subject and "anyone" right after it', () => {
  it('does not flag a thing passed round, or a person going round places, with "everyone" further on', () => {
    for (const text of [
      'Mr Hale at Elmfield passed round the sweets for everyone.',
      'Mrs Kerr\'s cake at the Elmfield fair got passed round more times than the register, delicious.',
      'Mrs Kerr has been round every Elmfield classroom with anyone who asks for a tour.',
      'She gets about a bit, Mrs Kerr from Elmfield: Paris, Rome, more times than I can count.',
    ]) expect(ids(text), text).not.toContain('abuse.obscene');
  });

  it('still flags the slur said of a person', () => {
    for (const text of [
      'Mrs Kerr at Elmfield has been round more times than the school minibus.',
      'Everyone knows Miss Patel from Elmfield sleeps around with anyone.',
      'Mrs Kerr, the Elmfield deputy, puts it about with half the dads.',
    ]) expect(ids(text), text).toContain('abuse.obscene');
  });
});

describe('review: an order to a crowd with an ordinary errand after the person is not a campaign (campaign.ts crowdOrders)', () => {
  it('does not flag readers asked to tag a teacher in their photos or to ring the office with questions', () => {
    for (const text of [
      'Folks, tag Mr Hale from Elmfield in the photos from sports day!',
      'Come on guys, tag Mrs Kerr from Elmfield in your World Book Day pics!',
      'You lot, ring Mrs Kerr in the Elmfield office with any questions.',
      'Everyone reading, message Mrs Kerr at Elmfield directly, she replies fast.',
      'Come on folks, email Mrs Kerr at Elmfield to book your place before they go.',
    ]) expect(ids(text), text).not.toContain('abuse.harassment');
  });

  it('still flags an urged order with nothing ordinary after the person', () => {
    for (const text of [
      'Go on, bombard Mrs Kerr at Elmfield. You lot know what she did.',
      'Come on guys, tag Mr Hale from Elmfield in the comments. All of youse.',
    ]) expect(ids(text), text).toContain('abuse.harassment');
  });
});

describe('review: going back home as news or on an errand is not exclusion, on every path that reads "go back"', () => {
  it('does not flag a family who had to go back home, or who were told to go home for something', () => {
    for (const text of [
      'The Syrian family at Elmfield had to go back home for a funeral, please keep them in your thoughts.',
      'Mrs Kerr told the Polish family to go back home to get the forms for Elmfield.',
      'The Nigerian twins at Elmfield had to go home early with a temperature.',
      'Our Jewish pupils at Elmfield keep kosher at home and the kitchen caters for it.',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
  });

  it('still flags an identity told to go back home', () => {
    for (const text of [
      'Elmfield has hired a Nigerian for Year 4. She should go back home.',
      'The Polish family at Elmfield can go back home, nobody wants them here.',
      'Mrs Farouk at Elmfield should keep her religion at home.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });
});

describe('review: "stole the show" is praise, not a claim of theft, vouched for or not', () => {
  it('does not flag a teacher who stole the show, hearts or the limelight', () => {
    for (const text of [
      'Mr Hale stole the show at the Elmfield panto.',
      'For the record, Mr Hale stole the show at the Elmfield panto, the court scene was hilarious.',
      'Mrs Kerr stole everyone\'s hearts as the dame in the Elmfield panto.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });

  it('still flags a teacher who stole money', () => {
    for (const text of [
      'Mr Hale at Elmfield stole the PTA money.',
      'For the record, Mr Hale stole from the Elmfield PTA, the court case is a cover.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
});

describe('review: "nobody will say X" denies X unless it vouches for what follows ("what nobody will say is that")', () => {
  it('does not flag a label or a claim that nobody will say', () => {
    for (const text of [
      'No one will say Mr Hale at Elmfield is lazy, he works harder than anyone.',
      'Nobody will say Mrs Kerr at Elmfield is a bully, because she isn\'t.',
      'No one will say Mr Hale at Elmfield stole from the PTA, he is as honest as the day is long.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });

  it('still flags what nobody will say out loud, or what nobody will tell you', () => {
    for (const text of [
      'What nobody at Elmfield will say out loud is that Mr Hale pockets the dinner money.',
      'Here is what nobody will tell you: Mrs Kerr at Elmfield is a bully.',
      'The thing no one will say is that Mr Hale at Elmfield is lazy.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
});

describe('review: "keep emailing Mrs X your photos" is a request, not persistence in a campaign', () => {
  it('does not flag readers asked to keep sending a teacher their photos or totals, or to ring until she answers', () => {
    for (const text of [
      'Keep emailing Mrs Kerr at Elmfield your photos for the yearbook, folks!',
      'Folks, keep messaging Mr Hale at Elmfield your sponsor money totals.',
      'Everyone keep tagging Mrs Kerr at Elmfield in your Book Week pics!',
      'Guys, keep ringing Mr Hale at Elmfield until he answers, the trip form is due.',
    ]) expect(ids(text), text).not.toContain('abuse.harassment');
  });

  it('still flags contact kept up until someone gives in', () => {
    for (const text of [
      'Keep calling Mrs Kerr at Elmfield until she resigns.',
      'Everyone keep messaging Mr Hale at Elmfield, all of yous, every day.',
    ]) expect(ids(text), text).toContain('abuse.harassment');
  });
});
