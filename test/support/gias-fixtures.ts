import type { GiasRecord } from '../../lib/gias/types';

/**
 * GIAS records in the extract's shape, with realistic names and made-up details (phone numbers from Ofcom's
 * drama range 01632 960000–960999, addresses and websites invented). Shared by unit, integration and e2e tests.
 */
export const GIAS_LOADED_AT = '2026-11-27T06:00:00.000Z';

const rec = (urn: string, name: string, town: string, extra: Partial<GiasRecord> = {}): GiasRecord => ({
  urn,
  name,
  status: 'Open',
  type: 'Academy converter',
  phase: 'Primary',
  street: `${Number(urn.slice(-2)) + 1} Church Lane`,
  town,
  postcode: `ZZ${urn.slice(-2)} 1AB`,
  phone: `01632 960${urn.slice(-3)}`,
  website: `www.school${urn}.example.sch.uk`,
  headTitle: 'Mrs',
  headFirstName: 'Jane',
  headLastName: `Head${urn.slice(-2)}`,
  localAuthority: 'Brighton and Hove',
  ...extra,
});

export const GIAS_RECORDS: GiasRecord[] = [
  rec('114501', "St Mary's Church of England Primary School", 'Hove', { street: '3 Church Road', locality: 'Aldrington', headTitle: 'Mrs', headFirstName: 'Jane', headLastName: 'Smith', website: 'http://www.stmaryshove.example.sch.uk/', phone: '01632 960114', postcode: 'bn3 2aa', trust: 'Downs Church of England Trust' }),
  rec('137010', 'King Edward VI Grammar School', 'Chelmsford', { phase: 'Secondary', localAuthority: 'Essex', headTitle: 'Mr', headFirstName: 'Tom', headLastName: 'Jones' }),
  rec('140210', 'Holy Trinity Catholic Voluntary Academy', 'Newark', { localAuthority: 'Nottinghamshire', trust: 'Our Lady of Lourdes Catholic Multi-Academy Trust' }),
  rec('100960', "Sir John Cass's Foundation and Red Coat Church of England Secondary School", 'London', { phase: 'Secondary', localAuthority: 'Tower Hamlets', locality: 'Stepney' }),
  rec('136285', 'King George V School', 'Southport', { phase: 'Secondary', localAuthority: 'Sefton' }),
  rec('117460', "Queen Elizabeth's Grammar School", 'Ashbourne', { phase: 'Secondary', localAuthority: 'Derbyshire' }),
  rec('121212', 'Northgate Park Academy', 'Harlow', { localAuthority: 'Essex' }),
  rec('131313', 'Harlow Fields School', 'Harlow', { localAuthority: 'Essex' }),
  rec('141414', 'St Peter & St Paul Catholic Primary School', 'Burnham', { localAuthority: 'Buckinghamshire' }),
  rec('151515', 'The Grange Infant School', 'Swindon', { localAuthority: 'Swindon' }),
  rec('161616', "All Saints' CofE Junior and Infant School", 'Leeds', { localAuthority: 'Leeds' }),
  rec('171717', 'Westfield Academy', 'Watford', { localAuthority: 'Hertfordshire', headTitle: 'Not applicable', headFirstName: 'Sam', headLastName: 'Patel' }),
  rec('181818', 'Old Closed Primary School', 'Swindon', { status: 'Closed', localAuthority: 'Swindon' }),
  rec('191919', "St Mary's Catholic Primary School", 'Hove', { localAuthority: 'Brighton and Hove', phone: undefined, website: undefined, headLastName: undefined, headFirstName: undefined }),
];

export const giasRecord = (urn: string): GiasRecord => {
  const r = GIAS_RECORDS.find((x) => x.urn === urn);
  if (!r) throw new Error(`no fixture record ${urn}`);
  return r;
};
