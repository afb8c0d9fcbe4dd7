/**
 * OWASP CSV injection (ASVS 1.2.10): a cell that a spreadsheet would read as a formula gets a
 * leading apostrophe, so it is shown as text. That is one starting with = + - @, or with any control
 * character (tab, carriage return, line feed, NUL, the rest of C0 and C1, DEL): a spreadsheet may drop
 * a leading control character and then read what follows (`\0=cmd|…`) as a formula.
 */
export const neutralizeCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /^(?:[=+\-@]|\p{Cc})/u.test(text) ? `'${text}` : text;
};
