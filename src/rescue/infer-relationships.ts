import { parseRelationship } from '../domain/relationship.js'
import type { RelationshipDraft } from '../domain/work-draft.js'

/** Relationships and characters read from "Pairing:" and "Characters:" fields. */
export type CastReading = Readonly<{
  relationships: readonly RelationshipDraft[]
  characters: readonly string[]
  /** Pairing text that names no relationship ("Chlex", "Clark"), kept for the report. */
  unread: readonly string[]
}>

// "none", "n/a" and "gen" in a Pairing field say there is no relationship.
const NO_PAIRING = /^(?:none|no|n\/a|na|nil|nothing|gen|no pairings?|no romance|-+)\.?$/iu

// A writer's aside after a name, "Clark (mentioned)", is no part of it; AO3's disambiguation,
// "Loki (Marvel)", and plurals, "Original Female Character(s)", are.
const ANNOTATION = /\s+\((?=\p{Ll})[^()]*\)$/u

/** Splits a field value at commas and semicolons, and "and" between two pairings. */
export function splitList(value: string): string[] {
  return value
    .split(/\s*[,;]\s*|\s+and\s+(?=[^/&]*[/&])/u)
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}

function addUnique(names: string[], name: string): void {
  const clean = name.replace(/\s+/gu, ' ').trim()
  const isKnown = names.some((known) => known.toLowerCase() === clean.toLowerCase())
  if (clean !== '' && !isKnown) names.push(clean)
}

/**
 * Reads pairings as written: each comma- or semicolon-separated item through the domain's
 * notation rules, with its characters as written (never a surname rescue was not given).
 */
export function readCast(
  pairings: readonly string[],
  characterLists: readonly string[],
): CastReading {
  const relationships: RelationshipDraft[] = []
  const characters: string[] = []
  const unread: string[] = []
  for (const item of pairings.flatMap(splitList)) {
    if (NO_PAIRING.test(item)) continue
    const relationship = parseRelationship(item)
    if (relationship === undefined) {
      unread.push(item)
      continue
    }
    if (!relationships.some((known) => known.name === relationship.name)) {
      const { name, platonic, original } = relationship
      relationships.push({ name, platonic, original })
    }
    for (const name of relationship.characters) addUnique(characters, name)
  }
  for (const item of characterLists.flatMap(splitList)) {
    if (!NO_PAIRING.test(item)) addUnique(characters, item.replace(ANNOTATION, ''))
  }
  return { relationships, characters, unread }
}
