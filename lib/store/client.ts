import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface DynamoClientOptions {
  region: string;
  /** Set for dynalite or DynamoDB Local; unset in AWS. */
  endpoint?: string;
}

/** Builds the DynamoDB client; a local endpoint gets dummy credentials so no AWS account is needed. */
export function createDynamoClient({ region, endpoint }: DynamoClientOptions): DynamoDBClient {
  const client = endpoint
    ? new DynamoDBClient({ region, endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 })
    : new DynamoDBClient({ region });
  // The SDK's logger middleware copies and redacts every response for a logger that discards it (about 15 % of
  // CPU on list pages); our stores translate and report errors themselves.
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}
