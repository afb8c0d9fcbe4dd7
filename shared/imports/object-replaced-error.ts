/** The object under a key is no longer the one its S3 event announced (another upload replaced it). */
export class ObjectReplacedError extends Error {
  override readonly name = 'ObjectReplacedError';
}
