import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface DynamoClientOptions {
  region: string;
  /** Set for dynalite or DynamoDB Local; unset in AWS. */
  endpoint?: string;
}

/** Builds the DynamoDB client; a local endpoint gets dummy credentials so no AWS account is needed. */
export function createDynamoClient({ region, endpoint }: DynamoClientOptions): DynamoDBClient {
  if (!endpoint) return new DynamoDBClient({ region });
  return new DynamoDBClient({
    region,
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
}
