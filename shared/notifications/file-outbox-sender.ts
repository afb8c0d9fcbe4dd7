import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { NotificationSender } from './deliver-notification';

/** The local stand-in for an e-mail service: one JSON line per notification appended to a file. */
export function fileOutboxSender(path: string): NotificationSender {
  let ready: Promise<unknown> | undefined;
  return async (notification) => {
    ready ??= mkdir(dirname(path), { recursive: true });
    await ready;
    await appendFile(path, `${JSON.stringify(notification)}\n`, 'utf8');
  };
}
