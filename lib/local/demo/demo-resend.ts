import { UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { TableItems } from '../../store/items';
import { keys, schoolPartition } from '../../store/table';

/**
 * `npm start -- --demo` on data that already holds the demo: the demo's digests were sent on the first run,
 * so a restart would show an empty mail viewer. To show them again the demo releases its OWN records only:
 * the demo trust's schools' digest claims, and the "already in a digest" marks on their mentions. Real
 * schools' digest records are never touched (each school is checked to belong to the demo trust), so the
 * exactly-once rule for real digests is unchanged. Returns how many claims were released (0 on a first run).
 */
export async function releaseDemoDigests(client: DynamoDBClient, tableName: string, trustId: string, schoolIds: string[]): Promise<{ claims: number; mentions: number }> {
  const items = new TableItems(client, tableName);
  let claims = 0;
  let mentions = 0;
  for (const schoolId of schoolIds) {
    const school = await items.get(keys.school(trustId, schoolId));
    if (!school) continue; // not (yet) a demo school: nothing of the demo's to release
    for (const row of await items.query(schoolPartition(trustId, schoolId), { prefix: 'DIGEST#' })) {
      await items.delete({ PK: row.PK as string, SK: row.SK as string });
      claims++;
    }
    for (const row of await items.query(schoolPartition(trustId, schoolId), { prefix: 'MENTION#' })) {
      if (row.trustId !== trustId || row.digestedAt === undefined) continue;
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: marshall({ PK: row.PK, SK: row.SK }),
          UpdateExpression: 'REMOVE digestedAt, digestId',
          ConditionExpression: 'trustId = :t',
          ExpressionAttributeValues: marshall({ ':t': trustId }),
        }),
      );
      mentions++;
    }
  }
  return { claims, mentions };
}
