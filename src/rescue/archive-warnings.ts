import type { ArchiveWarning } from '../domain/archive-warning.js'

/** The archive warnings a "Warnings:" field names, and the warnings AO3 has no tag for. */
export type WarningReading = Readonly<{
  warnings: readonly ArchiveWarning[]
  unmapped: readonly string[]
}>

// Legacy warning words mapped to AO3's archive warnings. Anything else (angst, language,
// "dark themes") is no archive warning, so AO3's importer answers "Creator Chose Not To Use
// Archive Warnings" and the words stay visible as freeform tags.
const WARNING_WORDS: ReadonlyArray<readonly [RegExp, ArchiveWarning]> = [
  [
    /\b(?:major\s+)?(?:character\s+)?deaths?\b|\bmcd\b|\bkilled\b|\bdies\b/iu,
    'major-character-death',
  ],
  [/\b(?:graphic\s+)?violen(?:ce|t)\b|\bgore\b|\btorture\b/iu, 'violence'],
  [/\brape\b|\bnon[\s-]?con(?:sensual)?\b|\bnoncon\b/iu, 'non-con'],
  [/\bunderage\b|\bchan\b|\bunder[\s-]?age\b/iu, 'underage'],
]
const NOT_WARNINGS: ReadonlySet<ArchiveWarning> = new Set(['no-warnings', 'choose-not-to-warn'])
const NONE = /^(?:none|no|n\/a|no warnings?|nothing|none really|not really|no archive warnings apply)\.?$/iu
const CHOSE_NOT = /^(?:creator chose not to (?:use archive )?warn(?:ings)?|choose not to warn|cntw)\.?$/iu

/** Maps the items of a "Warnings:" field to AO3's archive warnings. */
export function readArchiveWarnings(items: readonly string[]): WarningReading {
  const warnings: ArchiveWarning[] = []
  const unmapped: string[] = []
  for (const item of items) {
    if (CHOSE_NOT.test(item)) {
      if (!warnings.includes('choose-not-to-warn')) warnings.push('choose-not-to-warn')
      continue
    }
    if (NONE.test(item)) {
      if (!warnings.includes('no-warnings')) warnings.push('no-warnings')
      continue
    }
    const found = WARNING_WORDS.filter(([pattern]) => pattern.test(item)).map(([, named]) => named)
    for (const warning of found) if (!warnings.includes(warning)) warnings.push(warning)
    if (found.length === 0) unmapped.push(item)
  }
  // "No warnings" beside a real one contradicts itself; the real one stands.
  const real = warnings.filter((warning) => !NOT_WARNINGS.has(warning))
  if (real.length > 0) return { warnings: real, unmapped }
  if (warnings.length === 0 || unmapped.length > 0) {
    return { warnings: ['choose-not-to-warn'], unmapped }
  }
  return { warnings: warnings.slice(0, 1), unmapped }
}
