import { data } from 'franc/data.js'
import { expressions } from 'franc/expressions.js'
import { TrigramTable } from './trigram-table.js'

// franc's constants: the longest sample it reads, and the distance a trigram that a language's
// model lacks adds to that language.
const MAX_LENGTH = 2048
const MAX_DIFFERENCE = 300
// A cleaned sample is padded with a space at each end.
const MAX_TRIGRAMS = MAX_LENGTH

/** One script's models turned inside out: per trigram, which languages know it, at what rank. */
type ScriptModels = Readonly<{
  languages: readonly string[]
  trigrams: TrigramTable
  /** Per slot of `trigrams`: where its pairs start and end in `postings`. */
  start: Int32Array
  end: Int32Array
  /** Pairs of (index into `languages`, the trigram's rank in that language's model). */
  postings: Int32Array
}>

const LATIN = 'Latin'
const SCRIPTS = Object.entries(expressions)

/**
 * franc's answer, computed faster: franc scores a sample against every allowed language of its
 * script by looking each of the sample's trigrams up in each language's model (an object of 300
 * keys), which was 0.9 ms of every imported story, more than the rest of its parse. Here the
 * models are inverted once per script, so a sample's trigram is looked up once and adds its
 * difference to the few languages that know it. Same models, same sums, same ties (first in
 * franc's order wins), so the same language: a property test holds it to franc's own answer.
 * One detector is not for two callers at once: it reuses its tables between samples.
 */
export class TrigramLanguageDetector {
  readonly #only: ReadonlySet<string>
  readonly #minLength: number
  readonly #models = new Map<string, ScriptModels>()
  readonly #sample = new TrigramTable(MAX_TRIGRAMS)
  readonly #slotIndex = new Int32Array(this.#sample.slots)
  readonly #firstAt = new Int32Array(MAX_TRIGRAMS)
  readonly #counts = new Int32Array(MAX_TRIGRAMS)

  constructor(only: readonly string[], minLength: number) {
    this.#only = new Set(only)
    this.#minLength = minLength
  }

  /** An ISO 639-3 code, or 'und' when the sample is too short or no allowed language fits. */
  detect(sample: string): string {
    if (sample.length < this.#minLength) return 'und'
    const value = sample.slice(0, MAX_LENGTH)
    const [script, share] = topScript(value)
    if (script === undefined) return 'und'
    if (!(script in data)) {
      // A script only one language writes, such as Hangul: franc names the script's language.
      return share === 0 || !this.#only.has(script) ? 'und' : script
    }
    return this.#closest(value, this.#modelsOf(script))
  }

  #closest(value: string, models: ScriptModels): string {
    const { languages, trigrams, start, end, postings } = models
    if (languages.length === 0) return 'und'
    const cleaned = clean(value)
    const distinct = this.#countTrigrams(cleaned)
    // Every trigram starts as missing from every model; a known one gives back the difference.
    const distances = new Float64Array(languages.length).fill(distinct * MAX_DIFFERENCE)
    for (let index = 0; index < distinct; index++) {
      const slot = trigrams.find(cleaned, this.#firstAt[index] as number)
      if (slot < 0) continue
      const count = this.#counts[index] as number
      for (let i = start[slot] as number; i < (end[slot] as number); i += 2) {
        const language = postings[i] as number
        const difference = Math.abs(count - (postings[i + 1] as number) - 1)
        distances[language] = (distances[language] as number) + difference - MAX_DIFFERENCE
      }
    }
    let best = 0
    for (let i = 1; i < languages.length; i++) {
      if ((distances[i] as number) < (distances[best] as number)) best = i
    }
    return languages[best] ?? 'und'
  }

  /** Counts the trigrams of `cleaned` (as franc's n-gram slices them); returns how many differ. */
  #countTrigrams(cleaned: string): number {
    const sample = this.#sample
    sample.clear()
    for (let at = 0; at + 3 <= cleaned.length; at++) {
      const before = sample.size
      const slot = sample.add(cleaned, at)
      if (sample.size > before) {
        this.#slotIndex[slot] = before
        this.#firstAt[before] = at
        this.#counts[before] = 1
      } else {
        const index = this.#slotIndex[slot] as number
        this.#counts[index] = (this.#counts[index] as number) + 1
      }
    }
    return sample.size
  }

  #modelsOf(script: string): ScriptModels {
    let models = this.#models.get(script)
    if (models === undefined) {
      models = invertModels(data[script] ?? {}, this.#only)
      this.#models.set(script, models)
    }
    return models
  }
}

/** franc's trigram-utils `clean`, padded as its `trigrams` pads it. */
function clean(value: string): string {
  return ` ${value.replace(/[\u0021-\u0040]+/gu, ' ').replace(/\s+/gu, ' ').trim().toLowerCase()} `
}

function invertModels(byLanguage: Readonly<Record<string, string>>, only: ReadonlySet<string>): ScriptModels {
  const languages: string[] = []
  const lists = new Map<string, number[]>()
  for (const [language, model] of Object.entries(byLanguage)) {
    if (!only.has(language)) continue
    const index = languages.push(language) - 1
    // A model lists its trigrams most frequent first; a trigram's rank is its place in the list.
    const listed = model.split('|')
    for (let rank = listed.length - 1; rank >= 0; rank--) {
      const trigram = listed[rank] as string
      // A sample's trigrams are three code units; a model's longer one (astral scripts) never
      // equals one of them in franc either.
      if (trigram.length !== 3) continue
      const list = lists.get(trigram) ?? []
      // franc keeps a trigram's first place when a model lists it twice.
      if (list.length >= 2 && list[list.length - 2] === index) list[list.length - 1] = rank
      else list.push(index, rank)
      lists.set(trigram, list)
    }
  }
  const trigrams = new TrigramTable(Math.max(1, lists.size))
  const start = new Int32Array(trigrams.slots)
  const end = new Int32Array(trigrams.slots)
  const postings = new Int32Array([...lists.values()].reduce((sum, list) => sum + list.length, 0))
  let used = 0
  for (const [trigram, list] of lists) {
    const slot = trigrams.add(trigram, 0)
    start[slot] = used
    postings.set(list, used)
    used += list.length
    end[slot] = used
  }
  return { languages, trigrams, start, end, postings }
}

/** The script most of `value` is written in, and its share, as franc finds them. */
function topScript(value: string): [string | undefined, number] {
  // Latin is disjoint from every other script franc knows, so when over half of the sample is
  // ASCII letters (all Latin) no other script can beat it, and the thirty expressions, each
  // making an array of its matches, need not run. The share then is only a lower bound, which
  // is all a caller of a script with several languages reads.
  const asciiLetters = countAsciiLetters(value)
  if (asciiLetters * 2 > value.length) return [LATIN, asciiLetters / value.length]
  let topCount = -1
  let top: string | undefined
  for (const [script, expression] of SCRIPTS) {
    const count = (value.match(expression)?.length ?? 0) / value.length || 0
    if (count > topCount) {
      topCount = count
      top = script
    }
  }
  return [top, topCount]
}

function countAsciiLetters(value: string): number {
  let count = 0
  for (let i = 0; i < value.length; i++) {
    const lower = value.charCodeAt(i) | 0x20
    if (lower >= 0x61 && lower <= 0x7a) count++
  }
  return count
}
