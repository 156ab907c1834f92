/**
 * A name folded for comparison, so "Chloe" and "chloe" are one tag or creator, as on AO3.
 * Folding happens here rather than in SQL, where SQLite's lower() knows only ASCII.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase()
}
