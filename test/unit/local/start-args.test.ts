import { describe, expect, it } from 'vitest';
import { parseStartArgs } from '#local/start-args';
import { StartupError } from '#local/startup-error';

describe('parseStartArgs', () => {
  it('defaults to ports 3000, 8000 and 4566, in memory', () => {
    expect(parseStartArgs([], {})).toEqual({
      port: 3000,
      dynamoPort: 8000,
      messagingPort: 4566,
      persist: false,
      keysDir: undefined,
      quiet: false,
      changeStream: true,
    });
  });

  it('takes ports from the environment, flags winning over it', () => {
    const options = parseStartArgs(['--port', '0', '--persist'], {
      PORT: '4000',
      DYNAMODB_PORT: '8001',
      MESSAGING_PORT: '0',
    });
    expect(options).toMatchObject({ port: 0, dynamoPort: 8001, messagingPort: 0, persist: true });
  });

  it('stretches timeouts only when asked, from 1 to 20 times', () => {
    expect(parseStartArgs([], { LOCAL_TIMEOUT_SCALE: '3' })).toMatchObject({ timeoutScale: 3 });
    expect(parseStartArgs(['--timeout-scale', '1.5'], { LOCAL_TIMEOUT_SCALE: '3' })).toMatchObject({
      timeoutScale: 1.5,
    });
    expect(() => parseStartArgs(['--timeout-scale', '0.5'], {})).toThrow(/LOCAL_TIMEOUT_SCALE/);
    expect(() => parseStartArgs([], { LOCAL_TIMEOUT_SCALE: 'fast' })).toThrow(StartupError);
  });

  it('rejects a port that is not a number and unknown flags', () => {
    expect(() => parseStartArgs(['--port', 'abc'], {})).toThrow(StartupError);
    expect(() => parseStartArgs([], { DYNAMODB_PORT: '70000' })).toThrow(/DYNAMODB_PORT/);
    expect(() => parseStartArgs(['--verbose'], {})).toThrow(StartupError);
  });
});
