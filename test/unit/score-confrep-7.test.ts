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

describe("a member of staff off work and why, told in passing", () => {
  it('"been off … cos", "signed off. <reason>", "the reason she\'s off is": a titled or definite member of staff and the reason', () => {
    for (const text of [
      "mrs okafor's been off three weeks cos she miscarried, keep it to yourselves",
      "Elmfield's head has been signed off. Depression.",
      "the reason Mr Tait's been off is his wife left him and he's drinking",
      'Mr Tait from Elmfield is off badly with his back op, his neighbour told me.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('off with a class or on a course, or signed off meaning approved, is not', () => {
    for (const text of [
      "mr tait's been off three weeks cos he's on the year 6 residential",
      'The head has been signed off the new budget by governors.',
      'Mr Tait from Elmfield is off with Year 6 at the outdoor centre all week.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe("a pupil's place in provision or a referral, said of a named child", () => {
  it('"a place in the resource base", "referred to the MASH", with the child named', () => {
    for (const text of [
      'Ella Wainwright in Year 4 at Elmfield has got a place in the resource base, her nan told the whole bus.',
      'Kai Brennan, Elmfield Primary, Year 2: referred to the MASH last week.',
      'Overheard at the gate: Maisie Groat in Foundation Stage is getting a referral to CAMHS.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same words about provision in general, or a foundation that is a charity, are not', () => {
    for (const text of [
      'Elmfield is opening a resource base for autistic pupils in September, places are allocated by the council.',
      'How do schools refer to the MASH? Asking as a new governor at Elmfield.',
      'Maisie Groat in Foundation Trust colours ran the Elmfield fun run for the hospital charity.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe("many pupils' details in a sheet that went out", () => {
  it('results or grades with every name, shared into a chat or a shared sheet', () => {
    for (const text of [
      "someone's put the y11 mock results in the year group chat, every name and every grade 😬",
      'the S4 prelim grades are on a google sheet that got shared round, every pupil name on it',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('results day news, or a sheet with names and nothing sensitive, is not', () => {
    for (const text of [
      'S4 prelim results are out on Friday, every pupil will get them in their tutor group. Good luck all!',
      'The sports day rota sheet got shared in the group chat, every name and what stall they are on.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('a home address by its number, street and postcode, whatever the street is called', () => {
  it('a number, any street name and a postcode, with a member of staff in view, is their home', () => {
    for (const text of [
      'Parcel for Mrs Dunn from Elmfield came to ours by mistake, the label says 7 Kiln Brae, EH9 4XY.',
      "Miss Toner from Elmfield? she's in 12 Tan y Bryn, LL5 2AB these days, lovely house.",
      'Mr Hale from Elmfield has moved, he is at Flat 3, 9 Harbour Quay, PX3 9ZZ now.',
    ]) expect(ids(text), text).toContain('confidential.contact-details');
  });
  it('the school\'s own address, or a venue with no one in view, is not', () => {
    for (const text of [
      'Elmfield Primary, 7 Kiln Brae, EH9 4XY. Open evening Thursday 6pm, all welcome.',
      'Christmas market this Saturday at 9 Harbour Quay, PX3 9ZZ, stalls from 10am.',
      'Christmas market this Saturday at 9 Harbour Road, PX3 9ZZ, stalls from 10am.',
    ]) expect(ids(text), text).not.toContain('confidential.contact-details');
  });
});

describe("a school's head named by the possessive", () => {
  it("\"Elmfield's head\" is a member of staff; a child's head is not", () => {
    expect(ids("Elmfield's head is off with shingles, my neighbour says.")).toContain('confidential.staff-personal');
    expect(ids("My son's head was bleeding after PE at Elmfield and he has asthma, nobody rang me.")).not.toContain('confidential.staff-personal');
  });
});

describe('a decision or figure kept from parents, told in other sentences or other wording', () => {
  it('the change two sentences before the secrecy, and "haven\'t said a word to parents", "no announced yet", "won\'t be told till"', () => {
    for (const text of [
      "Elmfield governors voted on Tuesday to scrap the nursery class. Papers go to the council in spring. Keep it to yourselves for now.",
      "Elmfield are losing their German teacher post next year and the head of PE is getting his hours cut. No announced yet.",
      'Elmfield Y6 SATs maths came in at 41% at the expected standard. SLT haven\'t said a word to parents.',
      'Elmfield governors agreed to close the sixth form. Staff won\'t be told till after half term.',
    ]) expect(ids(text), text).toContain('confidential.internal');
  });
  it('the same change announced, or a figure from a past year, is not', () => {
    for (const text of [
      'Elmfield governors voted on Tuesday to scrap the nursery class. The letter to parents went out today and the consultation is open.',
      "Last year Elmfield's Y6 SATs maths came in at 41% at the expected standard, they haven't said a word to parents about this year's yet.",
    ]) expect(ids(text), text).not.toContain('confidential.internal');
  });
});

describe('telling words that are not secrecy', () => {
  it('"parents have been told", "not saying the staff are bad", a press report of a leaked plan: no leak', () => {
    for (const text of [
      'Elmfield parents have been told the school will cut its Friday afternoon session from January, the council says.',
      "The trip mix-up at Elmfield was scary, the school should have told parents straight away. Not saying the staff are bad, just the comms. They plan to merge the two trips next year.",
      'Parents protested outside Elmfield on Friday against plans to merge it with St John\'s, families said they only learned of the proposal through a leaked letter.',
    ]) expect(ids(text), text).not.toContain('confidential.internal');
  });
});

describe("a member of staff's reason in brackets, and their private account", () => {
  it('"Mr Dunn (stress)", "Miss Hale off till March (op on her knee)": a titled name and a private reason in brackets', () => {
    for (const text of [
      'photo of the elmfield cover board lol: Mr Dunn (stress), Mrs Kaur (sick), Miss Hale (??)',
      'Elmfield staff bulletin in my inbox by mistake: Miss Hale off till March (knee surgery).',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('a title and a bracket that is a subject, a class or a room is not', () => {
    for (const text of [
      'Elmfield cover today: Mr Dunn (maths), Mrs Kaur (Year 4), Miss Hale (room 12).',
      'Thanks to Mr Dunn (PE) and Miss Hale (music) for a brilliant sports day at Elmfield!',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
  it("a member of staff's own social account given out is a contact detail", () => {
    for (const text of [
      "Mr Dunn from Elmfield's personal insta is @dunny_lifts88, go and have a look",
      'the Elmfield PE teacher Miss Hale, her own tiktok is @hale.yeah.x',
    ]) expect(ids(text), text).toContain('confidential.contact-details');
  });
  it("the school's account or a pupil's shout-out is not", () => {
    for (const text of [
      'Follow Elmfield PE on insta @elmfieldpe for fixtures, Mr Dunn posts the results every Friday.',
      'Huge well done to Mr Dunn and the Elmfield team, tag us @elmfieldacademy in your sports day pics!',
    ]) expect(ids(text), text).not.toContain('confidential.contact-details');
  });
});

describe('a pupil named by the family name and "boy", "lassie", "twins"', () => {
  it('"the Hanley boy", "the Urquhart lassie" with a sensitive fact is a named pupil', () => {
    for (const text of [
      "it's the Hanley boy in Y8 at Elmfield who got excluded, his da's inside",
      'Heard the Urquhart lassie at Elmfield is pregnant, only 15.',
      "It's the Kowalczyk twins at Elmfield with the nits again.",
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same words with no sensitive fact, or an adult family named, are not', () => {
    for (const text of [
      'The Hanley boy in Y8 at Elmfield scored twice on Saturday, what a player.',
      'The Urquhart family at Elmfield run the best chippy in town.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('hearsay about a member of staff that nobody denies', () => {
  it('"his marks were rubbish" judges something else; "poor bloke" is sympathy; "she" after "my son" is not the son', () => {
    for (const text of [
      "Mr Dale won't be in till spring. His sister told my mum he's had a breakdown and the Elmfield head started capability because his marks were rubbish. Poor bloke.",
      "Miss Hale at Elmfield shouted at my son in the lunch hall, she's a nightmare. She was signed off with stress all last term, her neighbour told me.",
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('the same hearsay called rubbish, or a pronoun that is the writer\'s own child, is not', () => {
    for (const text of [
      "Someone told my mum Mr Dale at Elmfield has had a breakdown. That's rubbish, he was at the match on Saturday.",
      "My son's teacher at Elmfield is lovely. He's had tonsillitis twice this term so he's been off a lot.",
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('results with names, gone out', () => {
  it('a results list "with names", "names and everything", leaked or left out, is many pupils\' details', () => {
    for (const text of [
      'the elmfield y6 sats results got leaked in the class whatsapp, names and everything',
      'Elmfield left the Y2 phonics scores on the windowsill facing the playground with names beside them.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('results told as news, or a list of names with nothing sensitive, are not', () => {
    for (const text of [
      "Elmfield's y6 sats results are in the newsletter, well done to everyone, names of the prize winners on page 2.",
      'The Elmfield team sheet got posted in the class whatsapp, names and everything, kick off 10am.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('a video or photo of a pupil being hurt or shamed, shared', () => {
  it('"vid of <pupil> getting slapped [video]", "look at the state of this year 8 [photo]"', () => {
    for (const text of [
      'vid of the elmfield year 7 lad getting battered behind the sports hall 😭 [video]',
      'look at the state of this elmfield year 9 crying in the changing rooms lmao [photo]',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('a match video or a photo the school shared with consent is not', () => {
    for (const text of [
      'vid of the elmfield year 7 team getting battered 6-0 by St John\'s, still proud of them [video]',
      'Elmfield year 9 crying with laughter at the comedy workshop, shared with parents\' permission [photo]',
      "Please don't post the video of the Elmfield year 7 lad having a meltdown in the car park. Whoever filmed it, delete it.",
      'Mrs Dunn was seen screaming at a year 1 in the Elmfield hall. Video going round.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe("a member of staff's own e-mail address", () => {
  it('"email her direct on …", "his personal email, not the school one: …"', () => {
    for (const text of [
      "Don't bother with the office, email Mrs Dunn from Elmfield direct on jdunn1972@inbox.example, that's her own one.",
      "Mr Tait's personal email if you want to complain, not the Elmfield one: gtait.home@mailbox.example",
    ]) expect(ids(text), text).toContain('confidential.contact-details');
  });
  it("the school's or an office address is not", () => {
    for (const text of [
      'To complain, email the Elmfield office direct on office@elmfield.example and Mrs Dunn will reply.',
    ]) expect(ids(text), text).not.toContain('confidential.contact-details');
  });
});

describe('a home address written in lower case or on a Scots street', () => {
  it('"31 holloway drive", "5 Birch Brae", said of a member of staff', () => {
    for (const text of [
      'mr pryce head of yr9 at elmfield lives at 31 holloway drive brackenshaw',
      'Mrs Dunn from Elmfield stays at 5 Birch Brae, Balquhannan.',
    ]) expect(ids(text), text).toContain('confidential.contact-details');
  });
  it('a distance or a time before a street word is not an address', () => {
    for (const text of [
      "mr pryce from elmfield says it's only 2 minutes drive from school to the leisure centre",
    ]) expect(ids(text), text).not.toContain('confidential.contact-details');
  });
});

describe("results the school itself announces under embargo", () => {
  it("the school's own post with an embargo and a figure is published news, not a leak", () => {
    expect(ids("Congratulations to our Year 11s! Results are embargoed until 8am on Thursday, but we can share that 78% achieved a grade 4 or above in English and maths. Mrs Dunn, Headteacher, Elmfield Academy")).not.toContain('confidential.internal');
  });
  it('the same figure passed on by someone on the staff before the embargo lifts is a leak', () => {
    expect(ids("Elmfield results are embargoed until Thursday but my mate on the staff says 78% got a 4 or above in English and maths.")).toContain('confidential.internal');
  });
});


describe('reputation: a protest or a staff conviction in everyday wording', () => {
  it('"demo by the main entrance", "placards", "walk-out"; "got done for drink driving … banned for a year"', () => {
    expect(ids('Demo by the Elmfield main entrance at half three Friday over the uniform policy. Placards welcome, peaceful please.')).toContain('reputation.protest');
    expect(ids('mass walk-out at Elmfield right now over the phone ban 📢')).toContain('reputation.protest');
    expect(ids("Elmfield's deputy head got done for drink driving on the A48, banned for a year, it was in the court listings.")).toContain('reputation.sanction');
  });
  it('a demo lesson, a walk-through, or a parking ticket story is not', () => {
    expect(ids('Elmfield Year 5 watched a science demo by the main entrance today, brilliant fun!')).not.toContain('reputation.protest');
    expect(ids('Elmfield open evening walk-through starts at the main entrance at 6pm.')).not.toContain('reputation.protest');
    expect(ids('I got done for parking outside Elmfield at pick-up, £70, the council are ruthless.')).not.toContain('reputation.sanction');
  });
});

describe('a member of staff put on a capability process in any wording', () => {
  it('"put onto a ten-week monitoring programme", "placed in a formal support process"', () => {
    for (const text of [
      'Staffroom gossip at Elmfield: Mr Tait got put onto a ten-week monitoring programme. Keep it to yourselves.',
      'Mrs Dunn at Elmfield has been placed in a formal support process after her observations, her friend says.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('pupils put on a programme, or a member of staff running one, is not', () => {
    for (const text of [
      'Year 6 at Elmfield have been put onto a ten-week reading programme with Mr Tait, they love it.',
      'Mrs Dunn runs the Elmfield support programme for new parents every Tuesday.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('review fixes (round 7): ordinary sentences the new rules or their neighbours flagged', () => {
  it('a secret about a ribbon-cutting or a class merged for a trip, approval "signed off the budget", a broken-down car, tears of joy: no leak', () => {
    expect(ids('Between us, the Elmfield head is cutting the ribbon on the new library tomorrow.')).not.toContain('confidential.internal');
    expect(ids("Don't tell my son but his Elmfield class is merging with the other Year 3 class for the zoo trip, it's a surprise.")).not.toContain('confidential.internal');
    expect(ids("Elmfield's head has been signed off the budget by the trust.")).not.toContain('confidential.staff-personal');
    expect(ids("Mr Tait from Elmfield's been off cos his car broke down on the bypass.")).not.toContain('confidential.staff-personal');
    expect(ids('Video of the Elmfield year 7 lad crying after winning the cup 😭 so proud [video]')).not.toContain('confidential.pupil-personal');
  });
  it('the same words with a real leak still flag', () => {
    expect(ids("Between us, Elmfield is cutting the music department next year, parents haven't been told.")).toContain('confidential.internal');
    expect(ids("Elmfield's head has been signed off with stress, her neighbour says.")).toContain('confidential.staff-personal');
    expect(ids('vid of the elmfield year 7 lad crying after getting battered behind the sports hall [video]')).toContain('confidential.pupil-personal');
  });
});

describe("a report of a data breach is reputation, not the leak", () => {
  it('a fine or an ICO case over a list that went out is not a list shared', () => {
    expect(ids("Elmfield has been fined £5,000 by the ICO after a spreadsheet with every pupil's name and predicted grades was emailed to the wrong parents.")).not.toContain('confidential.pupil-personal');
  });
  it('the list itself going round is', () => {
    expect(ids("A spreadsheet with every Elmfield pupil's name and predicted grades got emailed to the wrong parents, it's in our group chat now.")).toContain('confidential.pupil-personal');
  });
});

describe('a plea to delete a list that is going round', () => {
  it('asking others to delete it does not unshare it; the writer withholding it does', () => {
    expect(ids("The Elmfield Y11 mock results list is in the year group chat, every name and grade. Whoever posted it please delete it.")).toContain('confidential.pupil-personal');
    expect(ids("The Elmfield Y11 mock results list is on the shared drive with every name and grade, anyone can open it. Not going to post it, someone tell the school.")).not.toContain('confidential.pupil-personal');
  });
});
