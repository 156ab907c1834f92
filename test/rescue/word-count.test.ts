import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countWords } from '../../src/rescue/word-count.js'

// AO3's rule written the plain way, as the reference the fast counter must agree with.
function countWordsPlainly(text: string): number {
  let count = 0
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu
  const rest = text.replace(cjk, () => {
    count += 1
    return ' '
  })
  for (const [run] of rest.matchAll(/[\p{L}\p{M}\p{N}'’]+/gu)) if (!/^['’]+$/u.test(run)) count += 1
  return count
}

const storyish = fc.array(
  fc.constantFrom('word', "don't", '’tis', "'", '--', '-', ' ', '\n', 'café', 'naïve', '我爱你', 'ありがとう', '사랑', '42', '😀', 'x\u0301', '/', '...'),
  { maxLength: 40 },
)

describe('word counts by AO3 rule', () => {
  it('count the same as the plain regular-expression rule on story-like text', () => {
    fc.assert(fc.property(storyish, (parts) => countWords(parts.join('')) === countWordsPlainly(parts.join(''))))
  })

  it('count the same as the plain rule on any text at all', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => countWords(text) === countWordsPlainly(text)))
  })

  it('count runs of apostrophes alone as no word', () => {
    expect(countWords("' '' ’ rock 'n' roll")).toBe(3)
  })
})
