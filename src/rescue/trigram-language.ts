import { data } from 'franc/data.js'
import { expressions } from 'franc/expressions.js'

// franc's constants: the longest sample it reads, and the distance a trigram that a language's
// model lacks adds to that language.
const MAX_LENGTH = 2048
const MAX_DIFFERENCE = 300

/** One script's models turned inside out: per trigram, which languages know it, at what rank. */
type ScriptModels = Readonly<{
  languages: readonly string[]
  /** Per trigram key: pairs of (index into `languages`, the trigram's rank in that language). */
  postings: ReadonlyMap<number, Int32Array>
}>

/**
 * franc's answer, computed faster: franc scores a sample against every allowed language of its
 * script by looking each of the sample's trigrams up in each language's model (an object of 300
 * keys), which was 0.9 ms of every imported story, more than the rest of its parse. Here the
 * models are inverted once per script, so a sample's trigram is looked up once and adds its
 * difference to the few languages that know it. Same models, same sums, same ties (first in
 * franc's order wins), so the same language: a property test holds it to franc's own answer.
 */
export class TrigramLanguageDetector {
  readonly #only: ReadonlySet<string>
  readonly #minLength: number
  readonly #models = new Map<string, ScriptModels>()

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
    const { languages, postings } = models
    if (languages.length === 0) return 'und'
    const counts = trigramCounts(value)
    // Every trigram starts as missing from every model; a known one gives back the difference.
    const distances = new Float64Array(languages.length).fill(counts.size * MAX_DIFFERENCE)
    for (const [trigram, count] of counts) {
      const known = postings.get(trigram)
      if (known === undefined) continue
      for (let i = 0; i < known.length; i += 2) {
        const language = known[i] as number
        const rank = known[i + 1] as number
        distances[language] = (distances[language] as number) + Math.abs(count - rank - 1) - MAX_DIFFERENCE
      }
    }
    let best = 0
    for (let i = 1; i < languages.length; i++) {
      if ((distances[i] as number) < (distances[best] as number)) best = i
    }
    return languages[best] ?? 'und'
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

function invertModels(byLanguage: Readonly<Record<string, string>>, only: ReadonlySet<string>): ScriptModels {
  const languages: string[] = []
  const lists = new Map<number, number[]>()
  for (const [language, model] of Object.entries(byLanguage)) {
    if (!only.has(language)) continue
    const index = languages.push(language) - 1
    // A model lists its trigrams most frequent first; a trigram's rank is its place in the list.
    const trigrams = model.split('|')
    for (let rank = trigrams.length - 1; rank >= 0; rank--) {
      const text = trigrams[rank] as string
      // A sample's trigrams are three code units; a model's longer one (astral scripts) never
      // equals one of them in franc either.
      if (text.length !== 3) continue
      const trigram = trigramKey(text, 0)
      const list = lists.get(trigram) ?? []
      // franc keeps a trigram's first place when a model lists it twice.
      if (list.length >= 2 && list[list.length - 2] === index) list[list.length - 1] = rank
      else list.push(index, rank)
      lists.set(trigram, list)
    }
  }
  const postings = new Map<number, Int32Array>()
  for (const [trigram, list] of lists) postings.set(trigram, Int32Array.from(list))
  return { languages, postings }
}

/** The script most of `value` is written in, and its share, as franc finds them. */
function topScript(value: string): [string | undefined, number] {
  let topCount = -1
  let top: string | undefined
  for (const [script, expression] of Object.entries(expressions)) {
    const count = (value.match(expression)?.length ?? 0) / value.length || 0
    if (count > topCount) {
      topCount = count
      top = script
    }
  }
  return [top, topCount]
}

// Three UTF-16 code units, as franc slices them, packed in one number (48 bits): a Map keyed by
// numbers needs no string made and hashed for each of a sample's thousand trigrams.
function trigramKey(text: string, at: number): number {
  return text.charCodeAt(at) * 0x1_0000_0000 + text.charCodeAt(at + 1) * 0x1_0000 + text.charCodeAt(at + 2)
}

/** How often each trigram occurs, cleaned and padded as franc's trigram-utils does it. */
function trigramCounts(value: string): Map<number, number> {
  const cleaned = ` ${value.replace(/[\u0021-\u0040]+/gu, ' ').replace(/\s+/gu, ' ').trim().toLowerCase()} `
  const counts = new Map<number, number>()
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const trigram = trigramKey(cleaned, i)
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1)
  }
  return counts
}
