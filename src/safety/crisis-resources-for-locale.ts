import {
  CRISIS_RESOURCES,
  INTERNATIONAL_DIRECTORIES,
  type CountryCrisisResources,
  type InternationalDirectory,
} from './crisis-resources.js'

/** A country we hold crisis resources for, as its ISO 3166-1 alpha-2 code. */
export type CountryCode = (typeof CRISIS_RESOURCES)[number]['country']

/** What the notice page shows: the reader's country, when known, and always the directories. */
export type CrisisResourcesForReader = {
  readonly country: CountryCrisisResources | null
  readonly international: readonly InternationalDirectory[]
}

const BY_COUNTRY: ReadonlyMap<string, CountryCrisisResources> = new Map(
  CRISIS_RESOURCES.map((resources) => [resources.country, resources]),
)

/** True when `value` is the (upper-case) code of a country we hold resources for. */
export function isCountryCode(value: string): value is CountryCode {
  return BY_COUNTRY.has(value)
}

/** The country code for `value` in any case, as from a country picker; null when we have none. */
export function countryCodeFrom(value: string): CountryCode | null {
  const code = value.trim().toUpperCase()
  return isCountryCode(code) ? code : null
}

/** The reader's country's services, when we hold them, and the international directories. */
export function crisisResourcesFor(country: CountryCode | null): CrisisResourcesForReader {
  return {
    country: country === null ? null : (BY_COUNTRY.get(country) ?? null),
    international: INTERNATIONAL_DIRECTORIES,
  }
}

// A bare language tag says nothing about where the reader is, so it picks a country only
// when nearly all of the language's speakers live in one of the countries we list. "en",
// "es", "fr", "pt", "zh", "nl" and the like are spoken in several, so they return null and the
// page asks. "de" is a judgement call: Austrians and the Swiss mostly send de-AT and de-CH,
// so a bare "de" is taken as Germany. A region in the same range always wins over this table.
const COUNTRY_FOR_LANGUAGE: Readonly<Record<string, CountryCode>> = {
  de: 'DE',
  fi: 'FI',
  fil: 'PH',
  he: 'IL',
  hi: 'IN',
  it: 'IT',
  iw: 'IL', // the withdrawn code for Hebrew, still sent by some clients
  ja: 'JP',
  ko: 'KR',
  nb: 'NO',
  nn: 'NO',
  no: 'NO',
  pl: 'PL',
  sv: 'SE',
  tl: 'PH',
}

// Bounds on hostile input: a real header has a handful of ranges.
const HEADER_MAX = 4096
const RANGES_MAX = 32

type LanguageRange = {
  readonly language: string
  readonly region: string | null
  readonly q: number
}

/**
 * The reader's country from an Accept-Language header (RFC 9110 §12.5.4), or null when it
 * doesn't say. Ranges are read in order of preference (q-value, then position); the first
 * range with a region decides (null when we hold nothing for that region, since the reader is
 * probably there), and a bare language before it decides only when it names one country.
 * Never throws: a malformed header or range is skipped.
 */
export function countryFromAcceptLanguage(header: string | undefined): CountryCode | null {
  if (header === undefined) return null
  for (const range of parseAcceptLanguage(header)) {
    if (range.region !== null) return countryCodeFrom(range.region)
    const country = COUNTRY_FOR_LANGUAGE[range.language]
    if (country !== undefined) return country
  }
  return null
}

function parseAcceptLanguage(header: string): LanguageRange[] {
  const ranges = header
    .slice(0, HEADER_MAX)
    .split(',')
    .slice(0, RANGES_MAX)
    .map(parseRange)
    .filter((range): range is LanguageRange => range !== null && range.q > 0)
  // Array.prototype.sort is stable, so equal q-values keep the header's order.
  return ranges.sort((a, b) => b.q - a.q)
}

// language-range = (1*8ALPHA *("-" 1*8alphanum)) / "*"; weight = OWS ";" OWS "q=" qvalue
const RANGE = /^([a-z]{1,8}(?:[-_][a-z0-9]{1,8})*|\*)$/i
const QVALUE = /^q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i

function parseRange(part: string): LanguageRange | null {
  const [tag = '', ...params] = part.split(';').map((piece) => piece.trim())
  if (!RANGE.test(tag) || tag === '*') return null
  let q = 1
  for (const param of params) {
    const match = QVALUE.exec(param)
    if (match?.[1] === undefined) return null
    q = Number(match[1])
  }
  const [language = '', ...subtags] = tag.toLowerCase().split(/[-_]/)
  // A one-letter first subtag ("x-", "i-") is a private-use or grandfathered tag: no region.
  return { language, region: language.length === 1 ? null : regionOf(subtags), q }
}

// BCP 47 (RFC 5646 §2.1): language [-extlang]{0,3} [-script] [-region] [-variant]* [-ext]*.
// A region is two letters (a country) or three digits (a UN M.49 area such as 419, Latin
// America, which names no one country). Anything else in the region's place means no region;
// so does a singleton ("u-", "x-"), which starts an extension whose subtags are not regions.
function regionOf(subtags: readonly string[]): string | null {
  let index = 0
  while (index < 3 && /^[a-z]{3}$/.test(subtags[index] ?? '')) index += 1
  if (/^[a-z]{4}$/.test(subtags[index] ?? '')) index += 1
  const candidate = subtags[index] ?? ''
  return /^[a-z]{2}$/.test(candidate) ? candidate.toUpperCase() : null
}
