/** The local stack's console output: one line per event, quiet in tests. */
export interface LocalLog {
  info(line: string): void;
  warn(line: string): void;
  error(line: string, error?: unknown): void;
}

export function consoleLog({ quiet = false }: { quiet?: boolean } = {}): LocalLog {
  return {
    info: (line) => {
      if (!quiet) console.log(line);
    },
    warn: (line) => console.warn(`warning: ${line}`),
    error: (line, error) => (error === undefined ? console.error(line) : console.error(line, error)),
  };
}
