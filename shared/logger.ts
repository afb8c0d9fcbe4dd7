import { Logger } from '@aws-lambda-powertools/logger';
import { config } from './config';

/** The one structured logger. Log ids and counts; never whole events, e-mails or names. */
export const logger = new Logger({ serviceName: 'lms-groups', logLevel: config.logLevel });
