// Dates as legacy headers wrote them: "March 3, 2003", "3 March 2003", "3rd of March, 2003",
// "Mon, 3 Mar 2003" (mail), "2003-03-03", "2003/03/03", "3/3/03" (month first, as the US
// archives did, unless the first number cannot be a month), "03.03.2003" (day first).
const MONTHS = [
  'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
]
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/u
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/u
const DOTTED = /^(\d{1,2})[.-](\d{1,2})[.-](\d{2}|\d{4})\b/u
const MONTH_FIRST = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}|'?\d{2})\b/u
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4}|'?\d{2})\b/u
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/u

function fullYear(raw: string): number {
  const digits = raw.replace("'", '')
  const year = Number(digits)
  if (digits.length === 4) return year
  // Two-digit years in fan fiction archives run from the 1970s zines to the 2020s.
  return year < 50 ? 2000 + year : 1900 + year
}

function monthOf(word: string): number | undefined {
  const index = MONTHS.indexOf(word.slice(0, 3))
  return index < 0 ? undefined : index + 1
}

function toIso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day))
  // Date.UTC rolls 30 February over into March; a date that moved was never a date.
  const moved = date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day
  if (moved || year < 1900 || year > 2100) return undefined
  return date.toISOString().slice(0, 10)
}

function readNumeric(text: string): string | undefined {
  const iso = ISO.exec(text)
  if (iso !== null) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const slashed = SLASHED.exec(text)
  if (slashed !== null) {
    const [first, second] = [Number(slashed[1]), Number(slashed[2])]
    const year = fullYear(slashed[3] ?? '')
    return first > 12 ? toIso(year, second, first) : toIso(year, first, second)
  }
  const dotted = DOTTED.exec(text)
  if (dotted !== null) return toIso(fullYear(dotted[3] ?? ''), Number(dotted[2]), Number(dotted[1]))
  return undefined
}

/** The ISO date (YYYY-MM-DD) a header date names, or undefined when it names no whole date. */
export function readLegacyDate(raw: string): string | undefined {
  const text = raw.trim().toLowerCase().replace(WEEKDAY, '')
  const numeric = readNumeric(text)
  if (numeric !== undefined) return numeric
  const monthFirst = MONTH_FIRST.exec(text)
  if (monthFirst !== null) {
    const month = monthOf(monthFirst[1] ?? '')
    const year = fullYear(monthFirst[3] ?? '')
    if (month !== undefined) return toIso(year, month, Number(monthFirst[2]))
  }
  const dayFirst = DAY_FIRST.exec(text)
  if (dayFirst !== null) {
    const month = monthOf(dayFirst[2] ?? '')
    if (month !== undefined) return toIso(fullYear(dayFirst[3] ?? ''), month, Number(dayFirst[1]))
  }
  return undefined
}
