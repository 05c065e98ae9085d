import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Every capture lives under `trust/{trustId}/school/{schoolId}/mention/{mentionId}/{captureId}/{file}`. */
export const EVIDENCE_PREFIX = 'trust/';

/** Calendar months to whole days, rounded up so a default retention is never shorter than the months stated. */
export const monthsToDays = (months: number) => Math.ceil((months * 365.25) / 12);

/** How long the access logs of the evidence bucket (who read or deleted which capture) are kept. */
export const ACCESS_LOG_DAYS = 731;

export interface EvidenceStoreProps {
  /**
   * Bucket default retention in COMPLIANCE mode, months (context `evidenceRetentionMonths`). The app sets each
   * object's own mode and retain-until date from its trust's `retentionMonths`; this default covers an object
   * written without them.
   */
  readonly defaultRetentionMonths: number;
}

export interface EvidenceAccess {
  /** s3:PutObjectLegalHold: escalating a mention puts its captures on legal hold (and releasing takes it off). */
  readonly legalHold?: boolean;
  /**
   * s3:DeleteObject (no version id: a delete marker): retention purge and school erase. Under Object Lock this
   * hides the capture at once; the locked version itself is removed by the lifecycle rule when its retention ends.
   */
  readonly erase?: boolean;
}

/**
 * The evidence bucket: screen prints, HTML as served, page text, manifests and evidence sheets of flagged pages.
 * Versioned with S3 Object Lock (COMPLIANCE default retention; the app sets per-object retention and legal hold),
 * SSE-KMS under a customer-managed key with rotation and an S3 Bucket Key (one KMS call per bucket-key period,
 * not per object), all public access blocked, TLS 1.2+ only, server access logs to a bucket of their own.
 * Connect calls set EVIDENCE_BUCKET and grant exactly what each function needs, on `trust/*` only.
 */
export class EvidenceStore extends Construct {
  readonly key: kms.Key;
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: EvidenceStoreProps) {
    super(scope, id);
    // Evidence is encrypted under this key: deleting it would destroy every capture, so it is always kept.
    this.key = new kms.Key(this, 'Key', {
      description: 'Schoolwatch: encrypts captured evidence (screen prints, archived pages) in the evidence bucket',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    // S3 server access logging cannot deliver into an SSE-KMS bucket: the log bucket uses SSE-S3.
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the server access log bucket of the evidence bucket; logging it into itself would loop, and S3 writes to it only as the logging service.',
    });
    this.bucket = new s3.Bucket(this, 'Bucket', {
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(monthsToDays(props.defaultRetentionMonths))),
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'evidence/',
      lifecycleRules: [{
        id: 'remove-erased-versions',
        // A purge or erase leaves a delete marker; the version under it is removed as soon as Object Lock lets
        // it go (S3 lifecycle never deletes a version under retention or legal hold), then the marker itself.
        noncurrentVersionExpiration: Duration.days(1),
        expiredObjectDeleteMarker: true,
        abortIncompleteMultipartUploadAfter: Duration.days(1),
      }],
      // Compliance-locked objects cannot be deleted by anyone before their retention ends: never try.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Evidence is always under the evidence key. A writer that asked for other encryption in the request (SSE-S3,
    // another key, or aws:kms without a key id, which S3 would serve with the AWS-managed aws/s3 key) is refused;
    // a request with no encryption headers gets the bucket default (this key), which is how the app writes.
    const uploads = { principals: [new iam.AnyPrincipal()], actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects('*')], effect: iam.Effect.DENY };
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      ...uploads, sid: 'DenyOtherEncryption',
      conditions: { Null: { 's3:x-amz-server-side-encryption': 'false' }, StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
    }));
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      ...uploads, sid: 'DenyOtherKmsKey',
      conditions: { Null: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'false' }, StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': this.key.keyArn } },
    }));
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      ...uploads, sid: 'DenyAwsManagedKey',
      conditions: { StringEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' }, Null: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'true' } },
    }));
  }

  /** KMS on the evidence key, only through S3 in this region (a role's credentials cannot decrypt directly). */
  private kms(fn: lambda.Function, actions: string[]): void {
    fn.addToRolePolicy(new iam.PolicyStatement({
      sid: 'EvidenceKeyViaS3',
      actions,
      resources: [this.key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
    }));
  }

  private objects(fn: lambda.Function, sid: string, actions: string[]): void {
    fn.addToRolePolicy(new iam.PolicyStatement({ sid, actions, resources: [this.bucket.arnForObjects(`${EVIDENCE_PREFIX}*`)] }));
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(fn.role ?? fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${EVIDENCE_PREFIX}*]`,
      reason: 'Evidence objects are keyed trust/{trustId}/school/{schoolId}/mention/{mentionId}/…; the app names the trust in every key it reads or writes, and the grant covers only this bucket\'s evidence prefix.',
    });
  }

  private list(fn: lambda.Function): void {
    // Listing lets a missing object answer 404 (not 403) and lets erase find a school's captures.
    fn.addToRolePolicy(new iam.PolicyStatement({
      sid: 'ListEvidence',
      actions: ['s3:ListBucket'],
      resources: [this.bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${EVIDENCE_PREFIX}*`] } },
    }));
  }

  private env(fn: lambda.Function): void {
    fn.addEnvironment('EVIDENCE_BUCKET', this.bucket.bucketName);
  }

  /**
   * The capture worker: EVIDENCE_BUCKET; writes captures with their retention and (for an escalated mention)
   * legal hold, reads them back; KMS GenerateDataKey/Decrypt on the evidence key. No delete.
   */
  connectWriter(fn: lambda.Function): void {
    this.env(fn);
    this.objects(fn, 'WriteEvidence', ['s3:PutObject', 's3:GetObject', 's3:PutObjectRetention', 's3:PutObjectLegalHold']);
    this.list(fn);
    this.kms(fn, ['kms:GenerateDataKey', 'kms:Decrypt']);
  }

  /**
   * Readers (the web app: screen prints, evidence.zip): EVIDENCE_BUCKET, s3:GetObject + KMS Decrypt; optionally
   * legal hold (escalation) and erase (delete markers: retention purge, school erase).
   */
  connectReader(fn: lambda.Function, access: EvidenceAccess = {}): void {
    this.env(fn);
    this.objects(fn, 'ReadEvidence', ['s3:GetObject', ...(access.legalHold ? ['s3:PutObjectLegalHold'] : []), ...(access.erase ? ['s3:DeleteObject'] : [])]);
    this.list(fn);
    this.kms(fn, ['kms:Decrypt']);
  }

  /** The retention purge: EVIDENCE_BUCKET and delete markers only (deleting needs no key and no read). */
  connectEraser(fn: lambda.Function): void {
    this.env(fn);
    this.objects(fn, 'EraseEvidence', ['s3:DeleteObject']);
    this.list(fn);
  }
}
