import { describe, expect, it } from 'vitest';
import { School } from '../../lib/config/schema';
import { acceptableAlias, deriveAliases, deriveSchoolDraft, headNames, initialsOf, nameLevels, publicFactsOf, schoolIdCandidates, slug, websiteDomain, withoutDesignation } from '../../lib/gias/derive';
import { matchSchool } from '../../lib/match';
import { GIAS_RECORDS, giasRecord } from '../support/gias-fixtures';

const lowerAll = (xs: string[]) => xs.map((x) => x.toLowerCase());

describe('deriveAliases: the names people write for a school', () => {
  it('St Mary’s Church of England Primary School: without the designation and type words, St/Saint/St., apostrophes', () => {
    const a = deriveAliases("St Mary's Church of England Primary School", new Set(['hove']));
    expect(a.slice(0, 3)).toEqual(["St Mary's Primary School", "St Mary's Primary", "St Mary's"]);
    for (const v of ['Saint Mary\'s', "St. Mary's", 'St Mary’s', 'St Marys', 'Saint Mary\'s Primary School', 'St Marys Primary']) expect(a).toContain(v);
    expect(a).not.toContain("St Mary's Church of England Primary School"); // the name itself is not an alias
    expect(a.every((x) => !/church of england/i.test(x) || /primary school$/i.test(x))).toBe(true);
    expect(new Set(lowerAll(a)).size).toBe(a.length); // deduplicated, case-insensitively
    expect(a).not.toContain('St'); // never a lone saint form
    expect(a).not.toContain('SMPS'); // dedication names are not abbreviated
  });

  it('King Edward VI Grammar School keeps the numeral; its initials keep VI whole', () => {
    const a = deriveAliases('King Edward VI Grammar School');
    expect(a).toEqual(['King Edward VI Grammar', 'King Edward VI', 'KEVI']);
    expect(initialsOf('King Edward VI')).toBe('KEVI');
  });

  it('King George V School → KGV; Queen Elizabeth’s Grammar School → QEGS', () => {
    expect(deriveAliases('King George V School')).toEqual(expect.arrayContaining(['King George V', 'KGV']));
    const q = deriveAliases("Queen Elizabeth's Grammar School");
    expect(q).toContain('QEGS');
    expect(q).toContain("Queen Elizabeth's");
    expect(q).toContain('Queen Elizabeths');
    expect(q).toContain('Queen Elizabeth’s Grammar School');
  });

  it('Holy Trinity Catholic Voluntary Academy: designation and "Voluntary" go', () => {
    expect(withoutDesignation('Holy Trinity Catholic Voluntary Academy')).toBe('Holy Trinity Academy');
    expect(deriveAliases('Holy Trinity Catholic Voluntary Academy')).toEqual(['Holy Trinity Academy', 'Holy Trinity']);
  });

  it('Sir John Cass’s Foundation and Red Coat Church of England Secondary School: possessive without apostrophe is "Cass", & ↔ and', () => {
    const a = deriveAliases("Sir John Cass's Foundation and Red Coat Church of England Secondary School", new Set(['london', 'stepney', 'tower hamlets']));
    expect(a.slice(0, 3)).toEqual(["Sir John Cass's Foundation and Red Coat Secondary School", "Sir John Cass's Foundation and Red Coat Secondary", "Sir John Cass's Foundation and Red Coat"]);
    expect(a).toContain('Sir John Cass Foundation and Red Coat');
    expect(a).toContain("Sir John Cass's Foundation & Red Coat");
    expect(a.some((x) => /Casss/.test(x))).toBe(false);
    expect(a.some((x) => /^[A-Z]{6,}$/.test(x))).toBe(false); // no six-letter initials nobody uses
  });

  it('St Peter & St Paul Catholic Primary School: every saint form changes together; & → and', () => {
    const a = deriveAliases('St Peter & St Paul Catholic Primary School');
    expect(a).toContain('Saint Peter & Saint Paul');
    expect(a).toContain('St Peter and St Paul Primary School');
    expect(a).not.toContain('Saint Peter & St Paul');
  });

  it('All Saints’ CofE Junior and Infant School: CofE goes, trailing "and" is not left behind, Infants’-style apostrophe', () => {
    const levels = nameLevels("All Saints' CofE Junior and Infant School");
    expect(levels).toEqual(["All Saints' Junior and Infant School", "All Saints' Junior and Infant", "All Saints' Junior", "All Saints'"]);
    expect(deriveAliases("All Saints' CofE Junior and Infant School")).toContain('All Saints');
  });

  it('never an alias that is only the town or a single common word', () => {
    expect(deriveAliases('The Grange Infant School', new Set(['swindon']))).toEqual(['The Grange Infant']);
    expect(deriveAliases('Harrow High School', new Set(['harrow']))).toEqual(['Harrow High', 'HHS']);
    expect(deriveAliases('Milton Keynes Academy', new Set(['milton keynes']))).toEqual(['MKA']);
    expect(deriveAliases('Trinity Academy')).toEqual([]);
    expect(deriveAliases('St Albans Girls’ School', new Set(['st albans']))).not.toContain('St Albans');
    expect(acceptableAlias('The Park', new Set())).toBe(false);
    expect(acceptableAlias('Westfield', new Set(['watford']))).toBe(true);
    expect(acceptableAlias('Watford', new Set(['watford']))).toBe(false);
    expect(acceptableAlias('Saint', new Set())).toBe(false);
  });

  it('a town written without its apostrophe is still the town (Bishop’s Stortford College)', () => {
    const a = deriveAliases("Bishop's Stortford College", new Set(["Bishop's Stortford", 'Hertfordshire']));
    expect(a).toEqual(['Bishop’s Stortford College', 'Bishops Stortford College']);
    expect(a).not.toContain('BSC'); // a degree, not a school
  });

  it('a bracketed second name is left out: The King’s (The Cathedral) School → The King’s School', () => {
    expect(deriveAliases("The King's (The Cathedral) School", new Set(['Peterborough'])).slice(0, 3)).toEqual(["The King's School", 'The King’s School', 'The Kings School']);
    expect(deriveAliases("St Joseph's (RC) Primary School")[0]).toBe("St Joseph's Primary School");
  });

  it('sponsored academies drop the type word before the place: Harris Academy Battersea → Harris Battersea', () => {
    expect(deriveAliases('Harris Academy Battersea', new Set(['London', 'Wandsworth']))).toEqual(['Harris Battersea', 'HAB']);
    expect(deriveAliases('Oasis Academy Coulsdon', new Set(['Coulsdon', 'Croydon']))).toEqual(['Oasis Coulsdon', 'OAC']);
    expect(deriveAliases('Harris Primary Academy Kent House', new Set(['London']))).toEqual(['Harris Kent House', 'HAKH']);
    expect(deriveAliases('Ark Globe Academy', new Set(['London']))).toEqual(['Ark Globe', 'AGA']);
    // "Junior and Infant School" at the end has no name after it: nothing is taken from the middle
    expect(deriveAliases("All Saints' CofE Junior and Infant School").some((a) => /All Saints' and/.test(a))).toBe(false);
  });

  it('a school named after its town gets no alias that is only the town (Reading School, Manchester Grammar School)', () => {
    expect(deriveAliases('Reading School', new Set(['Reading']))).toEqual([]);
    expect(deriveAliases('Manchester Grammar School', new Set(['Manchester']))).toEqual(['Manchester Grammar', 'MGS']);
    expect(deriveAliases('St Albans School', new Set(['St Albans']))).toEqual(['Saint Albans School', 'St. Albans School']);
  });

  it('initials only when at least three letters and not a common abbreviation', () => {
    expect(deriveAliases('Kestrel Primary School')).toEqual(['Kestrel Primary', 'Kestrel']);
    expect(deriveAliases('Sandhurst Mill School')).not.toContain('SMS'); // text messages
    expect(deriveAliases('Northgate Park Academy')).toEqual(['Northgate Park', 'NPA']);
  });

  it('each alias is within the schema’s limits and at most 30 are proposed', () => {
    for (const r of GIAS_RECORDS) {
      const a = deriveAliases(r.name);
      expect(a.length).toBeLessThanOrEqual(30);
      expect(a.every((x) => x.length <= 120 && x.trim() === x && x.length > 0)).toBe(true);
    }
  });
});

describe('public facts and the head’s name', () => {
  it('phone as published, address lines, postcode, website and its domain, head in three forms', () => {
    expect(publicFactsOf(giasRecord('114501'))).toEqual({
      phones: ['01632 960114'],
      addresses: ['3 Church Road, Aldrington, Hove'],
      postcodes: ['BN3 2AA'],
      websites: ['http://www.stmaryshove.example.sch.uk/', 'stmaryshove.example.sch.uk'],
      people: ['Mrs Jane Smith', 'Jane Smith', 'Mrs Smith'],
    });
  });
  it('a head title of "Not applicable" is left out; no surname means no name', () => {
    expect(headNames({ headTitle: 'Not applicable', headFirstName: 'Sam', headLastName: 'Patel' })).toEqual(['Sam Patel']);
    expect(headNames({ headTitle: 'Dr', headLastName: 'Okafor' })).toEqual(['Dr Okafor']);
    expect(headNames({ headTitle: 'Mr', headFirstName: 'Tom' })).toEqual([]);
  });
  it('website domains with or without a scheme', () => {
    expect(websiteDomain('www.school.example.sch.uk')).toBe('school.example.sch.uk');
    expect(websiteDomain('https://WWW.Kgv.example.org/about')).toBe('kgv.example.org');
    expect(websiteDomain('not a site')).toBeUndefined();
  });
});

describe('names that end with ", Place" (found after merging the GIAS import)', () => {
  it('the place after the comma is left out of the shorter forms and the id, as with a bracketed second name', () => {
    const a = deriveAliases("St Mary's Church of England Primary School, Ashworth", new Set(['ashworth']));
    expect(a.slice(0, 3)).toEqual(["St Mary's Primary School", "St Mary's Primary", "St Mary's"]);
    expect(a.some((x) => x.includes(','))).toBe(false);
    expect(schoolIdCandidates({ urn: '123457', town: 'Ashworth', name: "St Mary's Church of England Primary School, Ashworth" })[0]).toBe('st-marys-primary');
  });
});

describe('school ids', () => {
  it('from the short form, then with the town, then with the URN', () => {
    expect(schoolIdCandidates(giasRecord('114501'))).toEqual(['st-marys-primary', 'st-marys-primary-hove', 'st-marys-primary-114501']);
    expect(schoolIdCandidates(giasRecord('100960'))[0]).toBe('sir-john-cass-foundation-and-red-coat-secondary');
    expect(slug('Ærial Ćollege & Co’s')).toBe('aerial-college-and-cos');
    for (const r of GIAS_RECORDS) for (const id of schoolIdCandidates(r)) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });
  it('a very long name still gives ids of at most 64 characters', () => {
    const ids = schoolIdCandidates({ urn: '123456', town: 'Newcastle upon Tyne', name: 'The Very Long Name Of A Federated Church of England and Methodist Primary and Nursery School of Somewhere' });
    expect(ids.every((id) => id.length <= 64)).toBe(true);
    expect(ids.at(-1)).toMatch(/-123456$/);
  });
});

describe('deriveSchoolDraft', () => {
  it('is a valid school in the configuration’s shape, says what it filled from which column', () => {
    const d = deriveSchoolDraft(giasRecord('114501'), { id: 'st-marys-primary', trustName: 'Downs Learning Trust' });
    const school = School.parse(d.school);
    expect(school).toMatchObject({ id: 'st-marys-primary', name: "St Mary's Church of England Primary School", urn: '114501', timezone: 'Europe/London' });
    expect(school.context).toEqual(['Hove', 'Brighton and Hove', 'Downs Church of England Trust', 'Downs Learning Trust']);
    expect(d.filled).toContainEqual({ field: 'publicFacts.phones', from: 'TelephoneNum' });
    expect(d.filled).toContainEqual({ field: 'context', from: 'Town, LA (name), Trusts (name)' });
    expect(d.missing).toEqual([]);
    expect(deriveSchoolDraft(giasRecord('191919'), { id: 'x' }).missing).toEqual(['phone number', 'website', 'headteacher’s name']);
  });

  it('every fixture gives a valid school, and its aliases find the school in a realistic item', () => {
    for (const r of GIAS_RECORDS) expect(() => School.parse(deriveSchoolDraft(r, { id: schoolIdCandidates(r)[0]! }).school)).not.toThrow();
    const school = School.parse(deriveSchoolDraft(giasRecord('136285'), { id: 'king-george-v' }).school);
    expect(matchSchool({ title: 'KGV sixth form results', text: 'Students at KGV in Southport celebrated their A level results.' }, school).mentioned).toBe(true);
    const stm = School.parse(deriveSchoolDraft(giasRecord('114501'), { id: 'st-marys-primary' }).school);
    expect(matchSchool({ title: 'Saint Marys pupils plant trees', text: 'Pupils from Saint Marys in Hove planted 200 trees.' }, stm).mentioned).toBe(true);
  });
});
