import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';
import type { SchoolwatchStack } from '../../infra/stack';

/** The same stack with every optional context key set (one synthesis for this file). */
const ROOT = path.resolve(import.meta.dirname, '../..');
const cdkJson = JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };

let outdir: string;
let stack: SchoolwatchStack;
let template: Template;

const envOf = (name: string) => {
  const id = Stack.of(stack).getLogicalId(stack.functions[name]!.fn.node.defaultChild as CfnElement);
  return (template.toJSON().Resources[id].Properties.Environment.Variables) as Record<string, unknown>;
};

beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 'schoolwatch-cdk-opts-'));
  const app = new App({
    outdir,
    context: {
      ...cdkJson.context,
      sender: 'meridian.org.uk',
      opsEmail: 'ops@meridian.org.uk',
      authDomainPrefix: 'meridian-watch',
      webBaseUrl: 'https://watch.meridian.org.uk',
      pollIntervalMinutes: '15',
      deletionProtection: 'false',
      logRetentionDays: '90',
      account: '123456789012',
      region: 'eu-west-1',
      stackName: 'SchoolwatchTest',
      evidenceRetentionMonths: '24',
      captureConcurrency: '5',
    },
  });
  stack = buildApp(app, { withNag: false }).stack;
  template = Template.fromStack(stack);
});

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('stack with every context option', () => {
  it('uses the account, region and stack name given', () => {
    expect(stack.stackName).toBe('SchoolwatchTest');
    expect(stack.account).toBe('123456789012');
    expect(stack.region).toBe('eu-west-1');
  });

  it('a domain sender gets a domain identity, DKIM outputs and MAIL_FROM at the domain', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'meridian.org.uk' });
    const dkim = Object.keys(template.toJSON().Outputs).filter((k) => k.includes('DkimRecord'));
    expect(dkim).toHaveLength(3);
    expect(envOf('digest').MAIL_FROM).toBe('Schoolwatch <digest@meridian.org.uk>');
  });

  it('poll interval drives both the schedule and the poll function', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(15 minutes)' });
    expect(envOf('poll').POLL_INTERVAL_MINUTES).toBe('15');
  });

  it('custom web URL is the digest link base and the Cognito callback', () => {
    expect(envOf('digest').WEB_BASE_URL).toBe('https://watch.meridian.org.uk');
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://watch.meridian.org.uk/auth/callback'],
      LogoutURLs: ['https://watch.meridian.org.uk/'],
    });
  });

  it('hosted UI domain and ops email subscription are created', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'meridian-watch' });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@meridian.org.uk' });
  });

  it('deletionProtection=false lifts protection but the table is still retained', () => {
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtectionEnabled: false }) });
    template.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'INACTIVE' });
    expect(stack.terminationProtection).toBe(false);
  });

  it('alarm names follow the stack name; the ops email gets them through the encrypted topic', () => {
    const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName as string);
    expect(names).toContain('SchoolwatchTest-digest-failures');
    for (const n of names) expect(n).toMatch(/^SchoolwatchTest-/);
    for (const t of Object.values(template.findResources('AWS::SNS::Topic'))) expect(t.Properties.KmsMasterKeyId).toBeDefined();
  });

  it('evidence default retention (compliance) follows -c evidenceRetentionMonths; capture concurrency follows -c captureConcurrency', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 731 } } },
    });
    const id = Stack.of(stack).getLogicalId(stack.functions.capture!.fn.node.defaultChild as CfnElement);
    expect(template.toJSON().Resources[id].Properties.ReservedConcurrentExecutions).toBe(5);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: id }, BatchSize: 1, ScalingConfig: { MaximumConcurrency: 5 } });
  });

  it('evidence bucket and key are retained even when deletionProtection=false (compliance-locked evidence cannot be deleted)', () => {
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ ObjectLockEnabled: true }) });
    const keyId = Stack.of(stack).getLogicalId(stack.evidence.key.node.defaultChild as CfnElement);
    expect(template.toJSON().Resources[keyId].DeletionPolicy).toBe('Retain');
  });

  it('log retention follows -c logRetentionDays', () => {
    for (const g of Object.values(template.findResources('AWS::Logs::LogGroup'))) expect(g.Properties.RetentionInDays).toBe(90);
  });
});
