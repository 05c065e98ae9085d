/**
 * One establishment from the DfE register "Get Information about Schools" (GIAS), reduced to the fields
 * Schoolwatch uses. Source: the public all-establishments extract (edubasealldata*.csv), Open Government
 * Licence v3.0. Column names in comments are the extract's own headers.
 */
export interface GiasRecord {
  /** `URN`: six digits. */
  urn: string;
  /** `EstablishmentName`. */
  name: string;
  /** `EstablishmentStatus (name)`, e.g. "Open", "Closed". */
  status?: string;
  /** `TypeOfEstablishment (name)`, e.g. "Academy converter", "Community school". */
  type?: string;
  /** `PhaseOfEducation (name)`, e.g. "Primary", "Secondary". */
  phase?: string;
  /** `Street`, `Locality`, `Address3`, `Town`, `Postcode`. */
  street?: string;
  locality?: string;
  address3?: string;
  town?: string;
  postcode?: string;
  /** `TelephoneNum`, as published. */
  phone?: string;
  /** `SchoolWebsite`, as published (may lack the scheme). */
  website?: string;
  /** `HeadTitle (name)`, `HeadFirstName`, `HeadLastName`. */
  headTitle?: string;
  headFirstName?: string;
  headLastName?: string;
  /** `LA (name)`. */
  localAuthority?: string;
  /** `Trusts (name)`: the multi-academy trust, when there is one. */
  trust?: string;
}

/** Read port over the compact per-URN index (local file, S3 or DynamoDB behind it). */
export interface GiasIndex {
  get(urn: string): Promise<GiasRecord | undefined>;
  /** When the loaded extract was made/imported, for "GIAS data from …" notes; undefined when none is loaded. */
  loadedAt(): Promise<string | undefined>;
}
