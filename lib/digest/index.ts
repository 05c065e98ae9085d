export * from './types';
export { localParts, isDigestDue, formatLocal, formatLocalDate, formatOffset, type LocalParts } from './schedule';
export {
  renderDigest,
  digestMail,
  renderRollup,
  rollupMail,
  type RenderRollupInput,
  type RenderedRollup,
  type RollupGroup,
  digestCsvFilename,
  shouldSendDigest,
  sortMentions,
  countMentions,
  sanitiseSubject,
  FAMILY_LABEL,
  type RenderDigestInput,
  type RenderedDigest,
  type DigestCounts,
} from './render';
export { evidenceCsv, toCsv, csvCell, EVIDENCE_CSV_HEADER } from './csv';
export { createSesMailer, classifySesError, isRetryableSesError, buildRawMessage, type SesMailerOptions, type SesSendClient } from './ses-mailer';
