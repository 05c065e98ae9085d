import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { TABLE } from '../../lib/store/table';

export type TableAccess = 'read' | 'readWrite';

export interface SchoolTableProps {
  /** Refuse DeleteTable; default true. Turn off only for throwaway stacks. */
  readonly deletionProtection?: boolean;
}

/**
 * The single Schoolwatch table, built from `lib/store/table.ts` so keys and indexes cannot drift from
 * the code that reads and writes them. Evidence must be kept: RETAIN, deletion protection, PITR.
 */
export class SchoolTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: SchoolTableProps = {}) {
    super(scope, id);
    const S = dynamodb.AttributeType.STRING;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: S },
      sortKey: { name: TABLE.sortKey, type: S },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TABLE.ttlAttribute,
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE.trustIndex.name,
      partitionKey: { name: TABLE.trustIndex.partitionKey, type: S },
      sortKey: { name: TABLE.trustIndex.sortKey, type: S },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    // Sparse (only unreviewed mentions carry its keys), projecting headline attributes only: the Overview.
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE.unreviewedIndex.name,
      partitionKey: { name: TABLE.unreviewedIndex.partitionKey, type: S },
      sortKey: { name: TABLE.unreviewedIndex.sortKey, type: S },
      projectionType: dynamodb.ProjectionType.INCLUDE,
      nonKeyAttributes: [...TABLE.unreviewedIndex.attributes],
    });
  }

  /** Sets TABLE_NAME on the function and grants item-level data access (table and its indexes only). */
  grantTo(fn: lambda.Function, access: TableAccess): void {
    fn.addEnvironment('TABLE_NAME', this.table.tableName);
    if (access === 'read') this.table.grantReadData(fn);
    else this.table.grantReadWriteData(fn);
    const tableId = Stack.of(this).getLogicalId(this.table.node.defaultChild as dynamodb.CfnTable);
    Validations.of(fn.role ?? fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
      reason: `Grant covers this table's own secondary indexes (${TABLE.trustIndex.name}, ${TABLE.unreviewedIndex.name} and any added later); index ARNs are children of the table ARN, no other table is reachable.`,
    });
  }
}
