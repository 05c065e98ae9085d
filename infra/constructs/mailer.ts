import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface MailerProps {
  /** SES identity: one email address, or a whole domain (Easy DKIM). */
  readonly sender: string;
  readonly senderIsDomain: boolean;
  /** From header, `Name <address>`, address covered by `sender`. */
  readonly mailFrom: string;
  /**
   * Customer-managed key for the events topic (SSE). SES cannot publish to a topic encrypted with the AWS-managed
   * `alias/aws/sns` key, so the key must be customer-managed and allow ses.amazonaws.com.
   */
  readonly masterKey?: kms.IKey;
}

/**
 * SES sending for digests: the identity, a configuration set (default for the identity, so every send is
 * tracked without the code naming it) and an SNS topic receiving bounce/complaint/reject events.
 */
export class Mailer extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  /** Bounce, complaint and reject notifications; `functions/ses-events.ts` subscribes when it exists. */
  readonly eventsTopic: sns.Topic;
  readonly mailFrom: string;
  readonly identityArn: string;
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: MailerProps) {
    super(scope, id);
    this.mailFrom = props.mailFrom;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: props.senderIsDomain ? ses.Identity.domain(props.sender) : ses.Identity.email(props.sender),
      configurationSet: this.configurationSet,
    });
    this.eventsTopic = new sns.Topic(this, 'Events', {
      displayName: 'Schoolwatch SES bounce and complaint events',
      enforceSSL: true,
      masterKey: props.masterKey,
    });
    new ses.ConfigurationSetEventDestination(this, 'EventsDestination', {
      configurationSet: this.configurationSet,
      destination: ses.EventDestination.snsTopic(this.eventsTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT],
    });

    const stack = Stack.of(this);
    this.identityArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.sender });
    this.configurationSetArn = stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName });

    if (props.senderIsDomain) {
      // Publish these three CNAMEs in the domain's DNS; SES verifies the domain once they resolve.
      this.identity.dkimRecords.forEach((r, i) => {
        new CfnOutput(this, `DkimRecord${i + 1}`, { value: `${r.name} CNAME ${r.value}`, description: `SES Easy DKIM record ${i + 1} for ${props.sender}` });
      });
    }
  }

  /** Sets MAIL_FROM and allows sending (SendEmail/SendRawEmail) only as this identity, via this configuration set. */
  connect(fn: lambda.Function): void {
    fn.addEnvironment('MAIL_FROM', this.mailFrom);
    fn.addToRolePolicy(new iam.PolicyStatement({
      sid: 'SendDigestMail',
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [this.identityArn, this.configurationSetArn],
    }));
  }
}
