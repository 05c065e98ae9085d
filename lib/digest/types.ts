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

export class MailError extends Error {
  override readonly name = 'MailError';
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
