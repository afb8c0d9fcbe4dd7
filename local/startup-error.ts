/**
 * A startup failure the developer can fix (port taken, no Java). `npm start` prints its message
 * as one line, without a stack trace.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
