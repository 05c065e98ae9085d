import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../lib/store';
import { StoreError } from '../../lib/store/errors';
import { addIndex, copyTable, dropTable, ensureTable } from '../../lib/store/table-admin';
import { startTestDynamo } from '../support/dynamo';

/** A loopback port nothing listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('table administration errors say what failed and what to do', () => {
  it('a store that does not answer: a StoreError naming the table and the step, with the SDK error as its cause', async () => {
    const client = createDynamoClient({ region: 'eu-west-2', endpoint: `http://127.0.0.1:${await closedPort()}` });
    try {
      for (const step of [() => ensureTable(client, 'sw-local'), () => dropTable(client, 'sw-local'), () => copyTable(client, 'sw-local', 'sw-copy')]) {
        const err = await step().then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(StoreError);
        expect((err as Error).message).toMatch(/sw-local/);
        expect((err as Error).message).toMatch(/check|run .* again/i);
        expect((err as Error).cause).toBeInstanceOf(Error);
      }
    } finally {
      client.destroy();
    }
  });

  it('an index the code does not define is a StoreError too, naming it', async () => {
    const dynamo = await startTestDynamo();
    try {
      const { tableName } = await dynamo.freshStore();
      const err = await addIndex(dynamo.client, tableName, 'NoSuchIndex').then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toMatch(/NoSuchIndex/);
    } finally {
      await dynamo.stop();
    }
  });
});
