export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string | Uint8Array;
}

export interface OutgoingMail {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
}

/** The port digest sending needs. Implementations throw MailError. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

/**
 * What a failed send means for the message:
 * - `not-sent`: known to have failed before SES accepted it (refused connection, DNS, throttling, a rejection);
 * - `unknown`: the request went out and no answer came back (timeout, reset, a 5xx from a gateway): SES may
 *   have accepted it, so it must not be sent again blindly (exactly once = never resend on an ambiguous failure).
 */
export type MailFailureOutcome = 'not-sent' | 'unknown';

export class MailError extends Error {
  override readonly name = 'MailError';
  readonly outcome: MailFailureOutcome;
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown; outcome?: MailFailureOutcome },
  ) {
    super(message, options);
    this.outcome = options?.outcome ?? 'not-sent';
  }
}
