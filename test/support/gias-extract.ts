/**
 * The all-establishments extract's real column layout (edubasealldataYYYYMMDD.csv header, in order), for the
 * fixtures' generator and the bench. Rows are written as GIAS writes them: URN and a few numbers bare, every
 * other field quoted, CRLF line ends.
 */
export const GIAS_HEADER = [
  'URN', 'LA (code)', 'LA (name)', 'EstablishmentNumber', 'EstablishmentName', 'TypeOfEstablishment (code)', 'TypeOfEstablishment (name)',
  'EstablishmentTypeGroup (code)', 'EstablishmentTypeGroup (name)', 'EstablishmentStatus (code)', 'EstablishmentStatus (name)',
  'ReasonEstablishmentOpened (code)', 'ReasonEstablishmentOpened (name)', 'OpenDate', 'ReasonEstablishmentClosed (code)',
  'ReasonEstablishmentClosed (name)', 'CloseDate', 'PhaseOfEducation (code)', 'PhaseOfEducation (name)', 'StatutoryLowAge', 'StatutoryHighAge',
  'Boarders (code)', 'Boarders (name)', 'NurseryProvision (name)', 'OfficialSixthForm (code)', 'OfficialSixthForm (name)', 'Gender (code)',
  'Gender (name)', 'ReligiousCharacter (code)', 'ReligiousCharacter (name)', 'ReligiousEthos (name)', 'Diocese (code)', 'Diocese (name)',
  'AdmissionsPolicy (code)', 'AdmissionsPolicy (name)', 'SchoolCapacity', 'SpecialClasses (code)', 'SpecialClasses (name)', 'CensusDate',
  'NumberOfPupils', 'NumberOfBoys', 'NumberOfGirls', 'PercentageFSM', 'TrustSchoolFlag (code)', 'TrustSchoolFlag (name)', 'Trusts (code)',
  'Trusts (name)', 'SchoolSponsorFlag (name)', 'SchoolSponsors (name)', 'FederationFlag (name)', 'Federations (code)', 'Federations (name)',
  'UKPRN', 'FEHEIdentifier', 'FurtherEducationType (name)', 'OfstedLastInsp', 'OfstedSpecialMeasures (code)', 'OfstedSpecialMeasures (name)',
  'LastChangedDate', 'Street', 'Locality', 'Address3', 'Town', 'County (name)', 'Postcode', 'SchoolWebsite', 'TelephoneNum', 'HeadTitle (name)',
  'HeadFirstName', 'HeadLastName', 'HeadPreferredJobTitle', 'BSOInspectorateName (name)', 'InspectorateReport', 'DateOfLastInspectionVisit',
  'NextInspectionVisit', 'TeenMoth (name)', 'TeenMothPlaces', 'CCF (name)', 'SENPRU (name)', 'EBD (name)', 'PlacesPRU', 'FTProv (name)',
  'EdByOther (name)', 'Section41Approved (name)', 'SEN1 (name)', 'SEN2 (name)', 'SEN3 (name)', 'SEN4 (name)', 'SEN5 (name)', 'SEN6 (name)',
  'SEN7 (name)', 'SEN8 (name)', 'SEN9 (name)', 'SEN10 (name)', 'SEN11 (name)', 'SEN12 (name)', 'SEN13 (name)', 'TypeOfResourcedProvision (name)',
  'ResourcedProvisionOnRoll', 'ResourcedProvisionCapacity', 'SenUnitOnRoll', 'SenUnitCapacity', 'GOR (code)', 'GOR (name)',
  'DistrictAdministrative (code)', 'DistrictAdministrative (name)', 'AdministrativeWard (code)', 'AdministrativeWard (name)',
  'ParliamentaryConstituency (code)', 'ParliamentaryConstituency (name)', 'UrbanRural (code)', 'UrbanRural (name)', 'GSSLACode (name)',
  'Easting', 'Northing', 'CensusAreaStatisticWard (name)', 'MSOA (name)', 'LSOA (name)', 'InspectorateName (name)', 'SENStat', 'SENNoStat',
  'BoardingEstablishment (name)', 'PropsName', 'PreviousLA (code)', 'PreviousLA (name)', 'PreviousEstablishmentNumber', 'OfstedRating (name)',
  'RSCRegion (name)', 'Country (name)', 'UPRN', 'SiteName', 'QABName (code)', 'QABName (name)', 'EstablishmentAccredited (code)',
  'EstablishmentAccredited (name)', 'QABReport', 'CHNumber', 'MSOA (code)', 'LSOA (code)',
] as const;

export type GiasColumn = (typeof GIAS_HEADER)[number];

const BARE = new Set<string>(['URN', 'StatutoryLowAge', 'StatutoryHighAge', 'SchoolCapacity', 'UKPRN', 'Easting', 'Northing']);

/** Values GIAS writes for a column it has nothing for. */
const DEFAULTS: Partial<Record<GiasColumn, string>> = {
  'ReasonEstablishmentOpened (name)': 'Not applicable',
  'ReasonEstablishmentClosed (name)': 'Not applicable',
  'TrustSchoolFlag (name)': 'Not applicable',
  'SchoolSponsorFlag (name)': 'Not applicable',
  'FederationFlag (name)': 'Not under a federation',
  'FurtherEducationType (name)': 'Not applicable',
  'OfstedSpecialMeasures (name)': 'Not applicable',
  'Country (name)': '',
  'EstablishmentStatus (name)': 'Open',
  'EstablishmentStatus (code)': '1',
};

function quote(v: string): string {
  return `"${v.replace(/"/g, '""')}"`;
}

/** One data line in the extract's style; unnamed columns get GIAS's usual empty values. */
export function giasLine(values: Partial<Record<GiasColumn, string>>): string {
  return GIAS_HEADER.map((h) => {
    const v = values[h] ?? DEFAULTS[h] ?? '';
    return BARE.has(h) && /^\d*$/.test(v) ? v : quote(v);
  }).join(',');
}

export function giasHeaderLine(): string {
  return GIAS_HEADER.map(quote).join(',');
}
