import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

import { GIAS_INDEX_KEY } from '../../lib/gias/index-key';

export { GIAS_INDEX_KEY };

/**
 * The GIAS index bucket: one gzip'd object (a few MB) holding the per-URN index built from the public
 * all-establishments extract. S3 rather than DynamoDB because the index is written whole once a week and read
 * whole by a process that needs it: one PutObject replaces it atomically (a failed refresh leaves the old one),
 * there is no 50 000-item batch write to pay for or half-finish, and readers cache it per instance.
 * Versioned, so a bad week can be rolled back; old versions expire after 35 days. The data is published under
 * the Open Government Licence, so SSE-S3 is enough; public access is still blocked and TLS required.
 */
export class GiasData extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      versioned: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-old-index-versions', noncurrentVersionExpiration: Duration.days(35), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // Rebuilt from the public extract by the next refresh: nothing is lost with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Holds only an index of the public GIAS register (Open Government Licence), written by the weekly refresh function and read by the app; there is nothing confidential whose reads need an access log.',
    });
  }

  private grant(fn: lambda.Function, sid: string, actions: string[]): void {
    fn.addEnvironment('GIAS_BUCKET', this.bucket.bucketName);
    fn.addToRolePolicy(new iam.PolicyStatement({ sid, actions, resources: [this.bucket.arnForObjects(GIAS_INDEX_KEY)] }));
    // Listing (this one key only) lets a missing index answer 404, "none imported yet", rather than 403.
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: `${sid}List`, actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn], conditions: { StringEquals: { 's3:prefix': [GIAS_INDEX_KEY] } } }));
  }

  /** The weekly refresh: GIAS_BUCKET, read (the previous index's validators) and replace the index object. */
  connectWriter(fn: lambda.Function): void {
    this.grant(fn, 'WriteGiasIndex', ['s3:GetObject', 's3:PutObject']);
  }

  /** Readers (the web app's add-school-by-URN): GIAS_BUCKET and s3:GetObject on the index object. */
  connectReader(fn: lambda.Function): void {
    this.grant(fn, 'ReadGiasIndex', ['s3:GetObject']);
  }
}
