import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** Cognito groups the web app's role checks read from the `cognito:groups` claim. */
export const ROLE_GROUPS = [
  { name: 'admin', description: 'Configures trusts, schools, watch terms and feeds' },
  { name: 'trust', description: 'Trust central team: reviews flagged items across the schools of custom:trust_id' },
  { name: 'head', description: 'Headteacher: sees flagged items of custom:school_id' },
] as const;

export interface AuthProps {
  /** Base URL of the web app (no trailing slash): callback `${webBaseUrl}/auth/callback`, logout `${webBaseUrl}/`. */
  readonly webBaseUrl: string;
  /** Hosted UI prefix (`<prefix>.auth.<region>.amazoncognito.com`); no hosted domain when absent. */
  readonly domainPrefix?: string;
  readonly deletionProtection: boolean;
}

/**
 * Users of the web app: admin-created accounts only (no self sign-up), TOTP MFA required, groups
 * admin/trust/head, immutable-by-the-user custom attributes trust_id/school_id that scope what they see,
 * and a public (PKCE) authorisation-code client for the web app.
 */
export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain?: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: {
        trust_id: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        school_id: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: props.deletionProtection,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    ROLE_GROUPS.forEach((g, i) => {
      this.userPool.addGroup(`Group${g.name}`, { groupName: g.name, description: g.description, precedence: i });
    });

    // Users may read but never write their own scope attributes: only admins (AdminUpdateUserAttributes) set them.
    const readAttributes = new cognito.ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
      .withCustomAttributes('trust_id', 'school_id');
    const writeAttributes = new cognito.ClientAttributes().withStandardAttributes({ fullname: true });
    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      readAttributes,
      writeAttributes,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${props.webBaseUrl}/auth/callback`],
        logoutUrls: [`${props.webBaseUrl}/`],
      },
    });
    if (props.domainPrefix) {
      this.domain = this.userPool.addDomain('HostedDomain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    }

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.client.userPoolClientId });
    if (this.domain) new CfnOutput(this, 'HostedUiBaseUrl', { value: this.domain.baseUrl() });
  }

  /**
   * The web handler verifies Cognito tokens: sets COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID and
   * (with a hosted domain) COGNITO_DOMAIN.
   */
  connect(fn: lambda.Function): void {
    fn.addEnvironment('COGNITO_USER_POOL_ID', this.userPool.userPoolId);
    fn.addEnvironment('COGNITO_CLIENT_ID', this.client.userPoolClientId);
    if (this.domain) fn.addEnvironment('COGNITO_DOMAIN', this.domain.baseUrl());
  }
}
