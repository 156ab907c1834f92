import type { RescueReport } from './rescue-report.js'

/** Which copy of a story a work shows once a second copy of it is found. */
export type CopyChoice = Readonly<{ kept: 'existing' | 'new'; reason: string }>

/** How sure rescue was of each field it read, by field name (a report's `fields`). */
export type FieldConfidences = Readonly<Record<string, number>>

// Two totals this close are equal: a sum of a dozen confidences carries rounding noise.
const EPSILON = 1e-9

/**
 * The rule for two copies of one story (an HTML page and a text file of it): the copy from
 * which rescue read more fields wins; with as many fields, the one it read with more total
 * confidence (labelled header fields are 1, guesses less); a tie keeps the existing work, so a
 * re-run or a third equal copy never changes what readers see.
 */
export function chooseCopy(existing: FieldConfidences, incoming: FieldConfidences): CopyChoice {
  const had = Object.keys(existing).length
  const has = Object.keys(incoming).length
  if (has > had) {
    return { kept: 'new', reason: `the new copy gave more fields (${String(has)}, not ${String(had)})` }
  }
  if (has < had) {
    return { kept: 'existing', reason: `the existing work gave more fields (${String(had)}, not ${String(has)})` }
  }
  const before = total(existing)
  const now = total(incoming)
  const sums = `total confidence ${before.toFixed(2)} and ${now.toFixed(2)}`
  if (now > before + EPSILON) {
    return { kept: 'new', reason: `as many fields, read surer in the new copy (${sums})` }
  }
  if (before > now + EPSILON) {
    return { kept: 'existing', reason: `as many fields, read surer in the existing work (${sums})` }
  }
  return { kept: 'existing', reason: `as many fields, read as surely (${sums}): the existing work stays` }
}

/** The confidences of the fields a rescue report names. */
export function fieldConfidences(fields: RescueReport['fields']): FieldConfidences {
  return Object.fromEntries(Object.entries(fields).map(([name, { confidence }]) => [name, confidence]))
}

function total(fields: FieldConfidences): number {
  return Object.values(fields).reduce((sum, confidence) => sum + confidence, 0)
}
