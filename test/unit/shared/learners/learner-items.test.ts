import { describe, expect, it } from 'vitest';
import { keys } from '#shared/db/keys';
import { ConflictError } from '#shared/errors';
import {
  byEmailPrefix,
  deleteTransaction,
  LearnerChangedError,
  learnerItem,
  newLearnerItems,
  putRefusal,
  putTransaction,
  toLearner,
  uuidQuery,
} from '#shared/learners/learner-items';
import { aLearner, TENANT } from '../fakes';

const T = 'table';
const ada = aLearner({ employee_id: 'E1', branch_id: 'north' });

describe('learner items', () => {
  it('key a learner in its tenant, by e-mail and in its branch, and read back every field', () => {
    const item = learnerItem(ada);
    expect(item).toMatchObject({ ...keys.learner(TENANT, ada.learner_uuid), entity: 'learner' });
    expect(item).toMatchObject(keys.learnerByEmail(TENANT, ada.email, ada.learner_uuid));
    expect(item).toMatchObject(keys.learnerByBranch(TENANT, 'north', ada.email, ada.learner_uuid));
    expect(learnerItem({ ...ada, branch_id: null })).not.toHaveProperty('GSI2PK');
    expect(toLearner(item)).toEqual(ada);
    const { attributes: _a, username: _u, ...older } = item;
    expect(toLearner(older)).toEqual({ ...ada, attributes: {}, username: null });
    expect(Object.keys(toLearner(older))).toEqual(Object.keys(ada));
    expect(() => toLearner({ ...item, version: null })).toThrow();
  });

  it('create a learner only where none is, taking its unique values and name words', () => {
    const { items, added } = putTransaction(T, ada, undefined, 'op-1');
    expect(items[0]!.Put).toMatchObject({
      ConditionExpression: 'attribute_not_exists(PK)',
      Item: { created_by_op: 'op-1' },
    });
    expect(added.map((g) => g.kind)).toEqual(['EMAIL', 'EMPLOYEE_ID']);
    expect(items.slice(1, 3).map((i) => i.Put!.ConditionExpression)).toEqual([
      'attribute_not_exists(PK)',
      'attribute_not_exists(PK)',
    ]);
    // The bench seeds exactly what a put writes.
    expect(putTransaction(T, ada, undefined, null).items.map((i) => i.Put!.Item)).toEqual(newLearnerItems(ada));
  });

  it('update a learner at the version read, moving only the unique values and name words that changed', () => {
    const after = { ...ada, email: 'ada@new.example.com', last_name: 'Byron', version: 2 };
    const { items, added } = putTransaction(T, after, ada, null);
    expect(items[0]!.Put).toMatchObject({
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': 1 },
    });
    expect(added).toEqual([expect.objectContaining({ kind: 'EMAIL', value: 'ada@new.example.com' })]);
    const token = keys.learnerNameToken(TENANT, ada.learner_uuid, 'lovelace');
    const deleted = items.flatMap((i) => (i.Delete ? [i.Delete.Key] : []));
    expect(deleted).toEqual([keys.unique(TENANT, 'EMAIL', 'ada@example.com'), { PK: token.PK, SK: token.SK }]);
    expect(items.filter((i) => i.Put?.Item?.entity === 'learner_name')).toHaveLength(1);
  });

  it('name the refusal: a taken unique value by its field, anything else a concurrent change', () => {
    const { added } = putTransaction(T, ada, undefined, null);
    expect(putRefusal(ada.learner_uuid, added, 0)).toBeInstanceOf(LearnerChangedError);
    expect(putRefusal(ada.learner_uuid, added, 2)).toMatchObject({ code: 'employee_id_taken' });
    expect(putRefusal(ada.learner_uuid, added, 5)).toBeInstanceOf(LearnerChangedError);
    expect(putRefusal(ada.learner_uuid, added, 1)).toBeInstanceOf(ConflictError);
  });

  it('delete a learner at its version with its guards, name words and home pointer', () => {
    const items = deleteTransaction(T, ada);
    expect(items[0]!.Delete).toMatchObject({
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': 1 },
    });
    expect(items.every((i) => i.Delete)).toBe(true);
    expect(items.at(-1)!.Delete!.Key).toEqual(keys.homeGroup(TENANT, { learnerUuid: ada.learner_uuid }));
    expect(items).toHaveLength(1 + 2 + 2 + 1);
  });

  it('read uuids only, by e-mail prefix', () => {
    const query = uuidQuery(T, 'GSI1', byEmailPrefix(TENANT, 'ad'), undefined, 5);
    expect(query).toMatchObject({
      IndexName: 'GSI1',
      ProjectionExpression: 'learner_uuid',
      Limit: 5,
      ExpressionAttributeValues: { ':prefix': 'EMAIL#ad' },
    });
    expect(uuidQuery(T, 'GSI1', byEmailPrefix(TENANT), undefined)).not.toHaveProperty('Limit');
  });
});
