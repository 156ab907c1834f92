import { readFile } from 'node:fs/promises'
import fc from 'fast-check'
import { franc } from 'franc'
import { describe, expect, it } from 'vitest'
import { DETECTED_LANGUAGES } from '../../src/rescue/language.js'
import { TrigramLanguageDetector } from '../../src/rescue/trigram-language.js'
import { REFERENCE_STORY } from '../support/run-quire.js'

const MIN = 20
const detector = new TrigramLanguageDetector(DETECTED_LANGUAGES, MIN)
const francSays = (sample: string): string => franc(sample, { only: [...DETECTED_LANGUAGES], minLength: MIN })

// Words from many languages and scripts, so mixed samples land near the boundaries between
// languages, where a scorer that differs from franc's would show.
const WORDS = [
  'the', 'and', 'she', 'said', 'never', 'through', 'window', 'quietly', 'friendship',
  'le', 'la', 'était', 'pourquoi', 'jamais', 'fenêtre', 'avec', 'elle',
  'der', 'die', 'und', 'nicht', 'Fenster', 'schön', 'über', 'ich',
  'el', 'que', 'nunca', 'ventana', 'niña', 'estaba', 'porque',
  'il', 'della', 'sempre', 'finestra', 'perché', 'non',
  'nie', 'się', 'okno', 'dlaczego', 'że', 'jest',
  'och', 'att', 'fönster', 'inte', 'jag', 'hon', 'ikke', 'vindue', 'het', 'een', 'niet',
  'и', 'не', 'окно', 'никогда', 'она', 'сказала', 'вікно', 'ніколи',
  'και', 'το', 'παράθυρο', 'ποτέ', 'و', 'في', 'نافذة', 'את', 'חלון',
  '窓', 'の', 'は', 'した', 'ない', '窗户', '从来', '没有', '창문', '그녀는', '절대',
  'हम', 'खिड़की', 'ครับ', 'หน้าต่าง', '1999', '...', '—', '"', "don't",
]

const mixedSample = fc
  .array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 400 })
  .map((words) => words.join(' '))

describe('TrigramLanguageDetector', () => {
  it('agrees with franc on samples mixed from many languages', () => {
    fc.assert(
      fc.property(mixedSample, (sample) => {
        expect(detector.detect(sample)).toBe(francSays(sample))
      }),
      { numRuns: 600 },
    )
  })

  it('agrees with franc on arbitrary text, in any script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (sample) => {
        expect(detector.detect(sample)).toBe(francSays(sample))
      }),
      { numRuns: 400 },
    )
  })

  it('agrees with franc on every 1,000 characters of the reference story', async () => {
    const story = await readFile(REFERENCE_STORY, 'utf8')
    for (let start = 0; start < story.length; start += 1_000) {
      const sample = story.slice(start, start + 1_000)
      expect(detector.detect(sample)).toBe(francSays(sample))
    }
    expect(detector.detect(story.slice(2_000, 3_000))).toBe('eng')
  })

  it('names single-script languages and refuses short or empty samples as franc does', () => {
    expect(detector.detect('그녀는 창문을 열고 밖을 내다보았다. 비가 오고 있었다. 아무도 없었다.')).toBe('kor')
    expect(detector.detect('short')).toBe('und')
    expect(detector.detect('1234567890 1234567890 1234567890')).toBe('und')
  })
})
