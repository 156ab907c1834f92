import { countWords } from '../rescue/word-count.js'
import { SeedRandom, WeightedPicker, zipfWeights } from './seed-random.js'
import { STORY_WORDS, type TextLanguage } from './story-words.js'

/** A generated chapter: its title and its paragraphs, in reading order. */
export type StoryChapter = Readonly<{ title: string | null; paragraphs: readonly string[] }>

export type StoryText = Readonly<{ chapters: readonly StoryChapter[]; words: number }>

// One picker per language, made once: the Zipf weights are the same for every work.
const PICKERS = new Map<TextLanguage, WeightedPicker>()

function pickerFor(language: TextLanguage): WeightedPicker {
  let picker = PICKERS.get(language)
  if (picker === undefined) {
    picker = new WeightedPicker(zipfWeights(STORY_WORDS[language].words.length, 1.05, 2))
    PICKERS.set(language, picker)
  }
  return picker
}

/**
 * About `targetWords` words (AO3's count, so a CJK character is a word) of prose in `language`
 * over `chapterCount` chapters: sentences of Zipf-distributed words, the work's character names
 * now and then, and with probability `motifChance` one motif phrase somewhere, for phrase search.
 */
export function generateStoryText(
  random: SeedRandom,
  language: TextLanguage,
  targetWords: number,
  chapterCount: number,
  names: readonly string[],
  motifChance: number,
): StoryText {
  const { words: vocabulary, motifs, spaced, stop } = STORY_WORDS[language]
  const picker = pickerFor(language)
  const joiner = spaced ? ' ' : ''
  const motif = random.chance(motifChance) ? random.pick(motifs) : undefined
  const perChapter = Math.max(1, Math.ceil(targetWords / chapterCount))
  const chapters: StoryChapter[] = []
  let total = 0
  const motifChapter = random.int(0, chapterCount - 1)
  for (let chapter = 0; chapter < chapterCount; chapter += 1) {
    const paragraphs: string[] = []
    let words = 0
    while (words < perChapter) {
      const sentences: string[] = []
      const sentenceCount = random.int(2, 6)
      for (let s = 0; s < sentenceCount; s += 1) {
        const parts: string[] = []
        const length = random.int(5, 18)
        for (let w = 0; w < length; w += 1) {
          if (names.length > 0 && random.chance(0.02)) parts.push(random.pick(names))
          else parts.push(vocabulary[picker.pick(random)] ?? '')
        }
        if (motif !== undefined && chapter === motifChapter && paragraphs.length === 0 && s === 0) {
          parts.splice(random.int(0, parts.length), 0, motif)
        }
        sentences.push(capitalise(parts.join(joiner)) + stop)
      }
      const paragraph = sentences.join(spaced ? ' ' : '')
      paragraphs.push(paragraph)
      words += countWords(paragraph)
    }
    total += words
    chapters.push({ title: chapterCount > 1 ? `Chapter ${String(chapter + 1)}` : null, paragraphs })
  }
  return { chapters, words: total }
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}
