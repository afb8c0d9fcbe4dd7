import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/** What a conditional write answered: undefined when its condition failed; any other error is thrown. */
export async function answeredIf<T>(write: Promise<T>): Promise<T | undefined> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/** Whether a conditional write took place: false when its condition failed; any other error is thrown. */
export async function writtenIf(write: Promise<unknown>): Promise<boolean> {
  return (await answeredIf(write.then(() => true))) ?? false;
}
