import { describe, expect, it } from 'vitest';
import { roundOf } from '#shared/db/backoff';

describe('roundOf', () => {
  it('counts every round after the first as a retry in a loop that does not guess', () => {
    expect([0, 1, 2].map((round) => roundOf(round, false))).toEqual([
      { guess: false, retries: 0 },
      { guess: false, retries: 1 },
      { guess: false, retries: 2 },
    ]);
  });

  it('makes the first round the guess and the one after it a first reading, not a retry', () => {
    expect([0, 1, 2, 3].map((round) => roundOf(round, true))).toEqual([
      { guess: true, retries: 0 },
      { guess: false, retries: 0 },
      { guess: false, retries: 1 },
      { guess: false, retries: 2 },
    ]);
  });
});
