/**
 * Mailer over Amazon SES (SendRawEmail), for AWS and for aws-ses-v2-local alike: the endpoint is
 * configuration. Builds a multipart/alternative (text + HTML) message with attachments using
 * nodemailer's MailComposer, retries failures known to have happened before SES took the message
 * (exponential backoff and jitter), never one whose outcome is unknown, and translates SDK errors into
 * MailError once, here.
 */
import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer';
import { MailError, type Mailer, type OutgoingMail } from './types';

/** The one SES call made. An `SESClient` satisfies it; tests pass a fake. */
export interface SesSendClient {
  send(command: SendRawEmailCommand): Promise<{ MessageId?: string }>;
}

export interface SesMailerOptions {
  /** A ready client. When given, region/endpoint/requestTimeoutMs are ignored. */
  client?: SESClient | SesSendClient;
  /** Defaults to AWS_REGION, then eu-west-2 (London). */
  region?: string;
  /** e.g. `http://127.0.0.1:8005` for aws-ses-v2-local; unset for AWS. */
  endpoint?: string;
  /** Total attempts including the first. Default 4. */
  maxAttempts?: number;
  /** First retry delay before jitter. Default 200 ms; doubles each retry, capped at maxDelayMs. */
  baseDelayMs?: number;
  /** Cap for one delay. Default 5000 ms. */
  maxDelayMs?: number;
  /**
   * Time allowed to open the connection. Default 3 s: nothing has been sent yet, so a timeout here is
   * safely retried.
   */
  connectionTimeoutMs?: number;
  /**
   * Time allowed for the whole request once connected. Default 30 s. SES answers SendRawEmail in well under
   * a second; 30 s leaves room for a large digest (CSV attachment, up to 10 MB) on a slow uplink and for an
   * SES slow patch, and still fits many schools in one digest Lambda run. A timeout here is "outcome
   * unknown" (the message may have been accepted), so it is never retried: too short a limit would turn
   * slow successes into held days, too long only delays the report. If SES hangs for everyone, a school
   * costs at most 30 s; when the 5-minute digest Lambda runs out, the schools it did not reach are unclaimed
   * and still due, so the next hourly run sends them.
   */
  requestTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1; injectable for deterministic tests. */
  random?: () => number;
  /** Called before each retry (for logging). */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

/** SES refuses raw messages over 10 MB (v1 API). */
export const SES_MAX_RAW_BYTES = 10 * 1024 * 1024;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Build the raw MIME message. Exposed for tests and previews. */
export async function buildRawMessage(mail: OutgoingMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    subject: stripHeaderBreaks(mail.subject),
    text: mail.text,
    html: mail.html,
    attachments: (mail.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : Buffer.from(a.content),
    })),
    textEncoding: 'base64',
  });
  return composer.compile().build();
}

function stripHeaderBreaks(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ').trim();
}

interface ErrorFacts {
  name: string;
  code?: string;
  status?: number;
  message: string;
  sdkRetryable: boolean;
  throttling: boolean;
}

function facts(err: unknown): ErrorFacts {
  const e = (err ?? {}) as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: unknown };
    $retryable?: { throttling?: boolean };
    $fault?: unknown;
    cause?: { code?: unknown };
  };
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const code = typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : undefined;
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    code,
    status,
    message: typeof e.message === 'string' ? e.message : String(err),
    sdkRetryable: !!e.$retryable,
    throttling: !!e.$retryable?.throttling,
  };
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'RequestLimitExceeded',
  'SlowDown',
]);
/** Network failures that happen before a byte of the request reaches SES: nothing can have been sent. */
const BEFORE_SEND_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT']);
/** Errors raised before the request is sent (credentials, signing): not sent, and retrying will not help. */
const BEFORE_SEND_PERMANENT = new Set(['CredentialsProviderError', 'MissingAuthenticationToken']);

/**
 * What a failed SendRawEmail means:
 * - `retry`: SES did not take the message and said so, or we never reached it (refused, DNS, connect
 *   timeout, throttling, 503 ServiceUnavailable), so another attempt cannot duplicate it;
 * - `permanent`: SES answered with a refusal retrying will not fix (4xx), or the request could not be signed;
 * - `unknown`: the request was sent and the answer is missing or unclear (request timeout, connection reset,
 *   other 5xx such as a gateway's 502/504 or InternalFailure): SES may have accepted it, so never resend blindly.
 */
export type SesFailureKind = 'retry' | 'permanent' | 'unknown';

export function classifySesError(err: unknown): SesFailureKind {
  const f = facts(err);
  if (THROTTLING.has(f.name) || f.throttling || f.status === 429 || /Maximum sending rate exceeded/i.test(f.message)) return 'retry';
  if (f.status === 503 || f.name === 'ServiceUnavailable' || f.name === 'ServiceUnavailableException') return 'retry';
  if (f.status !== undefined && f.status >= 400 && f.status < 500) return 'permanent';
  if (f.status !== undefined && f.status >= 500) return 'unknown';
  if (f.code && BEFORE_SEND_CODES.has(f.code)) return 'retry';
  // @smithy/node-http-handler's connectionTimeout: the socket never connected.
  if (/did not establish a connection/i.test(f.message)) return 'retry';
  if (BEFORE_SEND_PERMANENT.has(f.name)) return 'permanent';
  return 'unknown';
}

/** Safe to send again: SES certainly did not accept the message. */
export function isRetryableSesError(err: unknown): boolean {
  return classifySesError(err) === 'retry';
}

/** "the mail server did not answer in 30 s" / "the connection was reset after the message was sent". */
function unknownReason(f: ErrorFacts, requestTimeoutMs: number | undefined): string {
  if (f.name === 'TimeoutError' && /requestTimeout|timed out/i.test(f.message) && !/ECONNRESET|EPIPE/.test(f.code ?? '')) {
    return `the mail server did not answer in ${requestTimeoutMs !== undefined ? formatMs(requestTimeoutMs) : 'time'}`;
  }
  if (f.code === 'ECONNRESET' || f.code === 'EPIPE' || /socket hang up/i.test(f.message)) return 'the connection was reset after the message was sent';
  if (f.status !== undefined) return `the mail server answered HTTP ${f.status} (${f.name}) after the message was sent`;
  return `no clear answer came back (${f.name}${f.code ? ` ${f.code}` : ''}: ${f.message})`;
}

const formatMs = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

/** What the operator should check, for an error that retrying will not fix. */
function adviceFor(f: ErrorFacts, from: string): string {
  switch (f.name) {
    case 'MessageRejected':
      return `SES rejected the message: check that the sender (${from}) or its domain is verified in SES in this region, and, while the account is in the SES sandbox, that every recipient address is verified too.`;
    case 'MailFromDomainNotVerifiedException':
    case 'MailFromDomainNotVerified':
      return `the custom MAIL FROM domain for ${from} is not verified in SES: finish its MX/SPF set-up or remove the custom MAIL FROM domain.`;
    case 'AccountSendingPausedException':
      return 'sending is paused for this SES account (often a bounce or complaint rate problem): check the SES reputation dashboard, then re-enable sending.';
    case 'ConfigurationSetDoesNotExist':
    case 'ConfigurationSetDoesNotExistException':
    case 'ConfigurationSetSendingPausedException':
      return 'the SES configuration set is missing or paused: check the configuration set name and its status.';
    case 'InvalidParameterValue':
    case 'ValidationError':
    case 'InvalidParameterCombination':
      return `SES refused a parameter: check the recipient addresses and the sender (${from}) are valid email addresses, and the message is under 10 MB.`;
    case 'AccessDenied':
    case 'AccessDeniedException':
    case 'UnrecognizedClientException':
    case 'InvalidClientTokenId':
    case 'SignatureDoesNotMatch':
    case 'ExpiredToken':
    case 'ExpiredTokenException':
    case 'CredentialsProviderError':
    case 'MissingAuthenticationToken':
      return 'SES did not accept the credentials: check the function role has ses:SendRawEmail for the sender identity (or, locally, that AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are set to any dummy value).';
    default:
      return `check the recipients, the sender (${from}), the SES region and endpoint${f.status ? ` (HTTP ${f.status})` : ''}.`;
  }
}

export function createSesMailer(options: SesMailerOptions = {}): Mailer {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 4));
  const baseDelayMs = Math.max(0, options.baseDelayMs ?? 200);
  const maxDelayMs = Math.max(baseDelayMs, options.maxDelayMs ?? 5000);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const region = options.region ?? process.env.AWS_REGION ?? 'eu-west-2';
  const requestTimeoutMs = options.client ? options.requestTimeoutMs : (options.requestTimeoutMs ?? 30_000);
  const client: SesSendClient =
    options.client ??
    new SESClient({
      region,
      endpoint: options.endpoint,
      // Retries are ours (so they are visible, bounded and testable), not the SDK's.
      maxAttempts: 1,
      requestHandler: {
        connectionTimeout: options.connectionTimeoutMs ?? 3000,
        requestTimeout: requestTimeoutMs,
        throwOnRequestTimeout: true,
      },
      // A local endpoint only needs some signature; real AWS uses the normal provider chain.
      ...(options.endpoint && !process.env.AWS_ACCESS_KEY_ID ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    });
  const where = options.endpoint ? `SES at ${options.endpoint}` : `SES (${region})`;

  return {
    async send(mail: OutgoingMail): Promise<{ messageId: string }> {
      const to = mail.to.map((a) => a.trim()).filter(Boolean);
      if (to.length === 0) {
        throw new MailError('No recipients: add the headteacher email addresses to the school (recipients) and try again.', false);
      }
      if (!mail.from?.trim()) throw new MailError('No sender: set MAIL_FROM to a verified SES identity.', false);

      let raw: Buffer;
      try {
        raw = await buildRawMessage({ ...mail, to });
      } catch (err) {
        throw new MailError(`Could not build the email message: ${(err as Error)?.message ?? err}. Check the addresses and attachments.`, false, { cause: err });
      }
      if (raw.length > SES_MAX_RAW_BYTES) {
        throw new MailError(`The email is ${(raw.length / 1048576).toFixed(1)} MB, over the SES limit of 10 MB: send fewer items per digest or a smaller attachment.`, false);
      }

      for (let attempt = 1; ; attempt++) {
        try {
          const out = await client.send(new SendRawEmailCommand({ RawMessage: { Data: raw } }));
          // A missing id still means SES accepted the message; do not resend.
          return { messageId: out.MessageId ?? '' };
        } catch (err) {
          const f = facts(err);
          const kind = classifySesError(err);
          if (kind === 'unknown') {
            // The request went out; SES may have accepted it. Resending now could deliver it twice.
            throw new MailError(`outcome unknown: ${unknownReason(f, requestTimeoutMs)} (${where}); email to ${to.join(', ')} may have been sent`, false, { cause: err, outcome: 'unknown' });
          }
          if (kind === 'permanent') {
            throw new MailError(`Email to ${to.join(', ')} was not sent: ${f.name}: ${f.message}. Fix: ${adviceFor(f, mail.from)}`, false, { cause: err });
          }
          if (attempt >= maxAttempts) {
            throw new MailError(
              `Email to ${to.join(', ')} was not sent after ${attempt} attempt${attempt === 1 ? '' : 's'} to ${where}: ${f.name}${f.code ? ` (${f.code})` : ''}: ${f.message}. This is usually temporary (throttling, SES outage or network); it will be retried on the next run.`,
              true,
              { cause: err },
            );
          }
          const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
          // "Equal jitter": half fixed, half random, so delays grow but runs do not align.
          const delayMs = Math.round(exp / 2 + random() * (exp / 2));
          options.onRetry?.({ attempt, delayMs, error: err });
          await sleep(delayMs);
        }
      }
    },
  };
}
