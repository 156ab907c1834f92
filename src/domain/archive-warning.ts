/** AO3's six archive warnings, as ids. */
export const ARCHIVE_WARNINGS = [
  'choose-not-to-warn',
  'no-warnings',
  'violence',
  'major-character-death',
  'non-con',
  'underage',
] as const
export type ArchiveWarning = (typeof ARCHIVE_WARNINGS)[number]

// AO3 renamed "Underage" to "Underage Sex" in 2024; `archiveWarningFromName` accepts both.
export const ARCHIVE_WARNING_NAMES = {
  'choose-not-to-warn': 'Creator Chose Not To Use Archive Warnings',
  'no-warnings': 'No Archive Warnings Apply',
  violence: 'Graphic Depictions Of Violence',
  'major-character-death': 'Major Character Death',
  'non-con': 'Rape/Non-Con',
  underage: 'Underage Sex',
} as const satisfies Record<ArchiveWarning, string>

const FORMER_NAMES: Readonly<Record<string, ArchiveWarning>> = { underage: 'underage' }

/** The warning whose AO3 name (or former name) is `name`, case-insensitively. */
export function archiveWarningFromName(name: string): ArchiveWarning | undefined {
  const wanted = name.trim().toLowerCase()
  return (
    ARCHIVE_WARNINGS.find((warning) => ARCHIVE_WARNING_NAMES[warning].toLowerCase() === wanted) ??
    FORMER_NAMES[wanted]
  )
}
