import { Stack, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { SchoolwatchStack } from './stack';

/**
 * Stack-level cdk-nag (AwsSolutions) acknowledgements, each with its reason. Grant-specific ones live
 * beside the grant (SchoolTable.grantTo). The infra test fails on any unacknowledged finding and on any
 * acknowledgement without a reason.
 */
export function addNagSuppressions(
  stack: SchoolwatchStack,
  refs: { schedulesRole: iam.IRole; scheduledFunctions: lambda.Function[] },
): void {
  for (const fn of refs.scheduledFunctions) {
    const id = Stack.of(fn).getLogicalId(fn.node.defaultChild as lambda.CfnFunction);
    Validations.of(refs.schedulesRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${id}.Arn>:*]`,
      reason: 'lambda:InvokeFunction on the scheduled function and its own versions/aliases (ARN qualifier suffix); no other function.',
    });
  }
  Validations.of(stack.api).acknowledge({
    id: 'AwsSolutions-APIG4',
    reason: 'The web app serves public login/callback pages and enforces Cognito sign-in and roles (admin/trust/head + trust_id/school_id scope) in its auth middleware, reading the session cookie; HTTP API JWT authorizers can read only a header or query string, not a cookie.',
  });
  Validations.of(stack.auth.userPool).acknowledge({
    id: 'AwsSolutions-COG8',
    reason: 'Plus tier is billed per active user; users are admin-created only (no self sign-up) with TOTP MFA required and a strong password policy. Revisit if a trust asks for compromised-credential detection.',
  });
}
