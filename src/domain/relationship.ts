import { makeTagName, type TagName } from './tag.js'

/** A relationship read from legacy notation, with the characters it names as written. */
export type RelationshipNotation = Readonly<{
  name: TagName
  platonic: boolean
  characters: readonly string[]
  original: string
}>

// A qualifier after the pairing that makes it platonic: "Chloe/Lex friendship",
// "Clark/Pete (friendship)", "Buffy/Willow - platonic", "Sam/Dean, gen".
const PLATONIC_QUALIFIER =
  /[\s,(\-–]+(?:friendship|friends|platonic|non-romantic|nonromantic|gen)\)?\s*$/iu
// Words around a romantic pairing that name no character: "Clark/Lana (romance)", "implied Sam/Jess".
const ROMANTIC_QUALIFIER = /[\s,(\-–]+(?:romance|romantic|slash|het|femslash|pre-slash)\)?\s*$/iu
const LEADING_QUALIFIER = /^(?:implied|past|mentions? of|background|hints? of|one-sided)\s+/iu

/**
 * Reads one pairing as fans wrote it: "A/B" (romantic), "A & B" and "A/B friendship"
 * (platonic), "A/B/C", "A x B" (romantic, only with spaces: "Xander" is a name). Returns
 * undefined when the text names fewer than two characters.
 */
export function parseRelationship(raw: string): RelationshipNotation | undefined {
  const original = raw.replace(/\s+/gu, ' ').trim()
  let text = original.replace(LEADING_QUALIFIER, '')
  let platonic = false
  if (PLATONIC_QUALIFIER.test(text)) {
    platonic = true
    text = text.replace(PLATONIC_QUALIFIER, '')
  } else {
    text = text.replace(ROMANTIC_QUALIFIER, '')
  }
  let characters: string[]
  if (text.includes('/')) {
    characters = text.split('/')
  } else if (/\s&\s|&/u.test(text)) {
    characters = text.split('&')
    platonic = true
  } else if (/\s[x×]\s/u.test(text)) {
    characters = text.split(/\s[x×]\s/u)
  } else {
    return undefined
  }
  characters = characters.map((name) => name.trim()).filter((name) => name.length > 0)
  if (characters.length < 2) return undefined
  const name = makeTagName(characters.join(platonic ? ' & ' : '/'))
  return { name, platonic, characters, original }
}
