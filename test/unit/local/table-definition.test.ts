import { describe, expect, it } from 'vitest';
import { table } from '#functions/resources';
import { tableDefinition } from '#local/table-definition';

describe('tableDefinition', () => {
  it('builds the table from resources.table: on demand, both GSIs with ALL projection', () => {
    const input = tableDefinition('t1');
    expect(input).toMatchObject({ TableName: 't1', BillingMode: 'PAY_PER_REQUEST' });
    expect(input.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(input.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.Projection?.ProjectionType])).toEqual(
      table.globalSecondaryIndexes.map((index) => [index.name, 'ALL']),
    );
    expect(input.AttributeDefinitions?.map((definition) => definition.AttributeName).sort()).toEqual([
      'GSI1PK',
      'GSI1SK',
      'GSI2PK',
      'GSI2SK',
      'PK',
      'SK',
    ]);
  });

  it('streams every change with both images, as the table in AWS does', () => {
    expect(tableDefinition('t1').StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
  });

  it('defaults to the local table name', () => {
    expect(tableDefinition('t1', { stream: false })).not.toHaveProperty('StreamSpecification');
    expect(tableDefinition().TableName).toBe(table.localName);
  });
});
