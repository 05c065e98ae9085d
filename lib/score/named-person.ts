/**
 * A titled person's name ("Mrs Öztürk", "Dr Ng"; "Mr O'Neill" is not matched: a capital and lower-case letters
 * must follow the title): the one pattern the scorer's severity
 * rules (index.ts) and the school model's `named-person` input (school-model.ts) read, so both agree
 * on names outside ASCII. Tested against the raw text: the title and the capital letter matter.
 */
export const NAMED_PERSON = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir)\.?\s+\p{Lu}\p{Ll}+/u;
