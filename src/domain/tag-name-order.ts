// Tag names in the order a reader looks for them: letters before case ("chloe" beside "Chloe"),
// numbers by value ("Season 2" before "Season 10"). Sorted in code, not SQL, so both databases
// give one order whatever their collation.
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** Compares two tag names for a list a reader scans. */
export function compareTagNames(a: string, b: string): number {
  return COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}
