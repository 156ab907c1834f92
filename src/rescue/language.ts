import { TrigramLanguageDetector } from './trigram-language.js'

// franc answers ISO 639-3; Quire stores ISO 639-1. The languages of fan fiction archives, and
// franc is asked to choose among these only, which keeps short English texts from reading as
// Scots or Tok Pisin.
const TWO_LETTER: Readonly<Record<string, string>> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru',
  pol: 'pl', swe: 'sv', dan: 'da', nob: 'nb', nno: 'nn', fin: 'fi', ces: 'cs', slk: 'sk',
  hun: 'hu', tur: 'tr', jpn: 'ja', cmn: 'zh', kor: 'ko', arb: 'ar', heb: 'he', ell: 'el',
  ukr: 'uk', ron: 'ro', cat: 'ca', ind: 'id', vie: 'vi', tha: 'th', hin: 'hi', bul: 'bg',
  hrv: 'hr', srp: 'sr', slv: 'sl', lit: 'lt', lav: 'lv', est: 'et', tgl: 'tl', glg: 'gl',
  eus: 'eu', isl: 'is', fil: 'tl',
}
/** The languages rescue tells apart, as franc names them (ISO 639-3). */
export const DETECTED_LANGUAGES: readonly string[] = Object.keys(TWO_LETTER)
// franc needs some text to be right, and its cost grows with the sample (it was a third of
// the parse time at 20,000 characters); a story's opening 1,000 characters tell its language
// as well as the whole does.
const SAMPLE_MIN = 60
const SAMPLE_MAX = 1_000
const detector = new TrigramLanguageDetector(DETECTED_LANGUAGES, SAMPLE_MIN)

/** The ISO 639-1 language of a story's prose, or null when it is too short to tell. */
export function detectLanguage(prose: readonly string[]): string | null {
  let sample = ''
  for (const text of prose) {
    if (sample.length >= SAMPLE_MAX) break
    sample += `${text}\n`
  }
  sample = sample.slice(0, SAMPLE_MAX)
  if (sample.replace(/\s+/gu, '').length < SAMPLE_MIN) return null
  const code = detector.detect(sample)
  return TWO_LETTER[code] ?? null
}
