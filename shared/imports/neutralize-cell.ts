/**
 * OWASP CSV injection: a cell that a spreadsheet would read as a formula (it starts with = + - @,
 * a tab or a carriage return) gets a leading apostrophe, so it is shown as text.
 */
export const neutralizeCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};
