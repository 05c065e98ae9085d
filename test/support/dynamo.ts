import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient, createStore, ensureTable, type Store } from '../../lib/store';
import { startLocalDynamo, type LocalDynamo } from '../../lib/local/dynamo-server';

export interface TestDynamo {
  server: LocalDynamo;
  client: DynamoDBClient;
  /** A store on a fresh table, so tests in one file don't see each other's data. */
  freshStore(): Promise<{ store: Store; tableName: string }>;
  stop(): Promise<void>;
}

/** A real dynalite server in memory on an ephemeral loopback port. */
export async function startTestDynamo(): Promise<TestDynamo> {
  const server = await startLocalDynamo();
  const client = createDynamoClient({ region: 'eu-west-2', endpoint: server.endpoint });
  return {
    server,
    client,
    async freshStore() {
      const tableName = `t-${randomUUID().slice(0, 8)}`;
      await ensureTable(client, tableName);
      return { store: createStore(client, tableName), tableName };
    },
    async stop() {
      client.destroy();
      await server.stop();
    },
  };
}
