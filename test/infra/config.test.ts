import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { readServiceConfig, warnIfPlaceholder } from '#infra/config';

describe('service config', () => {
  it('reads the issuer and a comma-separated audience list from context', () => {
    const app = new App({ context: { jwtIssuer: 'https://auth.example.org/', jwtAudience: 'lms-api, lms-admin' } });
    expect(readServiceConfig(app)).toEqual({
      jwtIssuer: 'https://auth.example.org/',
      jwtAudience: ['lms-api', 'lms-admin'],
      recalcSchedule: 'rate(1 day)',
      fileRetentionDays: 30,
      consoleClientId: 'lms-groups-console',
      consoleScope: 'openid',
    });
  });

  it('reads the console client id and scopes from context', () => {
    const app = new App({ context: { consoleClientId: 'admin-console', consoleScope: 'openid groups' } });
    expect(readServiceConfig(app)).toMatchObject({ consoleClientId: 'admin-console', consoleScope: 'openid groups' });
  });

  it('reads the file retention in days from context and refuses anything but 1 to 3650 whole days', () => {
    expect(readServiceConfig(new App({ context: { fileRetentionDays: '7' } })).fileRetentionDays).toBe(7);
    for (const days of ['0', '1.5', 'forever', '3651']) {
      const app = new App({ context: { fileRetentionDays: days } });
      expect(() => readServiceConfig(app)).toThrow(/fileRetentionDays must be a whole number/);
    }
  });

  it('reads the recalculation schedule from context, daily by default', () => {
    expect(readServiceConfig(new App()).recalcSchedule).toBe('rate(1 day)');
    for (const expression of ['rate(6 hours)', 'rate(1 minute)', 'cron(0 3 * * ? *)']) {
      expect(readServiceConfig(new App({ context: { recalcSchedule: expression } })).recalcSchedule).toBe(expression);
    }
  });

  it.each(['daily', 'rate(0 days)', 'rate(1 week)', '24h', 'cron()'])(
    'refuses recalcSchedule %s, naming the expected forms',
    (expression) => {
      const app = new App({ context: { recalcSchedule: expression } });
      expect(() => readServiceConfig(app)).toThrow(/recalcSchedule must be an EventBridge schedule expression/);
    },
  );

  it('falls back to placeholders that synthesize but warn', () => {
    const app = new App();
    const stack = new Stack(app, 'Service');
    const config = readServiceConfig(app);
    warnIfPlaceholder(stack, config);
    expect(config.jwtIssuer).toMatch(/^https:\/\//);
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('placeholders'));
  });

  it('stays quiet for a real configuration', () => {
    const app = new App({ context: { jwtIssuer: 'https://auth.example.org/', jwtAudience: ['lms-api'] } });
    const stack = new Stack(app, 'Service');
    warnIfPlaceholder(stack, readServiceConfig(app));
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});
