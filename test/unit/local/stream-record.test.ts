import { describe, expect, it } from 'vitest';
import { lambdaRecord } from '#local/stream-poller';

describe('lambdaRecord', () => {
  it('gives a stream record the JSON shape Lambda delivers: base64 binaries, epoch seconds, empty maps kept', () => {
    const record = lambdaRecord(
      {
        eventID: 'e1',
        eventName: 'MODIFY',
        eventVersion: '1.1',
        dynamodb: {
          ApproximateCreationDateTime: new Date('2026-01-02T03:04:05.000Z'),
          Keys: { PK: { S: 'a' }, SK: { S: 'b' } },
          // The Streams client reads an empty map ({"M": {}}) as a value with no member.
          NewImage: {
            PK: { S: 'a' },
            bytes: { B: new Uint8Array([1, 2]) },
            attributes: {} as never,
            list: { L: [{ M: { inner: {} as never } }, { BS: [new Uint8Array([3])] }] },
          },
          SequenceNumber: '42',
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
      },
      'arn:stream',
    );
    expect(JSON.parse(JSON.stringify(record))).toEqual({
      eventID: 'e1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: expect.any(String),
      eventSourceARN: 'arn:stream',
      dynamodb: {
        ApproximateCreationDateTime: 1767323045,
        Keys: { PK: { S: 'a' }, SK: { S: 'b' } },
        NewImage: {
          PK: { S: 'a' },
          bytes: { B: 'AQI=' },
          attributes: { M: {} },
          list: { L: [{ M: { inner: { M: {} } } }, { BS: ['Aw=='] }] },
        },
        SequenceNumber: '42',
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
  });
});
