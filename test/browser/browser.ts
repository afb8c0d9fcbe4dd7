import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page, type Response } from 'playwright-core';
import { repoRoot } from '#local/paths';
import { apiUrl } from '#test/e2e/client';

export const consoleUrl = `${apiUrl}/console/`;
/**
 * Where the screenshots go: docs/console for the docs when UPDATE_SCREENSHOTS=1, else a folder of the
 * run (every page is still shot, so a page that cannot be rendered fails the test either way), so that
 * `npm test` leaves the working tree as it found it.
 */
export const screenshotsDir =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(repoRoot, 'docs/console')
    : join(tmpdir(), `lms-groups-screenshots-${process.pid}`);

/** Debian's Chromium (`apt-get install chromium`), or CHROMIUM_PATH. */
function chromiumPath(): string {
  const given = process.env.CHROMIUM_PATH;
  if (given) return given;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not this one
    }
  }
  throw new Error('No Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
}

export function launch(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
}

export interface Answer {
  status: number;
  method: string;
  url: string;
}

/** Every answer the page receives (API and console files), in order, for "no 4xx in a normal walk". */
export function recordAnswers(page: Page): Answer[] {
  const answers: Answer[] = [];
  page.on('response', (response: Response) =>
    answers.push({ status: response.status(), method: response.request().method(), url: response.url() }),
  );
  return answers;
}

export const failedAnswers = (answers: Answer[]) => answers.filter((a) => a.status >= 400);

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const AXE_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } };

/** axe-core's violations on the page as it is now (WCAG 2.1 A and AA, and best practices), one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Scripts as strings: they run in the page, whose globals (window, document, axe) this project has no types for.
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.addScriptTag({ content: axeSource });
  return (await page.evaluate(`axe.run(document, ${JSON.stringify(AXE_OPTIONS)}).then((result) =>
    result.violations.map((v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join('; ') + ')'))`)) as string[];
}

/** The page as <screenshotsDir>/<name>.png (docs/console, for docs/console.md, when updating them). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!existsSync(screenshotsDir)) mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
}
