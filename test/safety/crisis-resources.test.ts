import fc from 'fast-check'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  CRISIS_RESOURCES,
  INTERNATIONAL_DIRECTORIES,
  type CrisisService,
} from '../../src/safety/crisis-resources.js'
import {
  countryCodeFrom,
  countryFromAcceptLanguage,
  crisisResourcesFor,
  type CountryCode,
} from '../../src/safety/crisis-resources-for-locale.js'

// The day the resources were last checked; a later date in the data would be a typo.
const LAST_CHECKED = '2026-11-25'

const services = CRISIS_RESOURCES.flatMap<CrisisService>((country) => country.services)
const sourced: readonly { readonly source: string; readonly checked: string }[] = [
  ...services,
  ...INTERNATIONAL_DIRECTORIES,
]

function numbersOf(country: CountryCode, kind: 'call' | 'text'): string[] {
  const resources = crisisResourcesFor(country).country
  return (resources?.services ?? []).flatMap((service) =>
    service.contacts.flatMap((contact) => (contact.kind === kind ? [contact.number] : [])),
  )
}

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (match === null) return false
  const date = new Date(`${value}T00:00:00Z`)
  // Date rolls 2026-02-30 over into March; a real date survives the round trip.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

describe('crisis resources data', () => {
  it('covers at least 20 countries, each listed once under an ISO 3166-1 alpha-2 code', () => {
    const codes = CRISIS_RESOURCES.map((resources) => resources.country)
    expect(codes.length).toBeGreaterThanOrEqual(20)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/)
  })

  it('lists countries in order of their codes, so a new one has an obvious place', () => {
    const codes = CRISIS_RESOURCES.map((resources) => resources.country)
    expect(codes).toEqual([...codes].sort())
  })

  it('gives every line an https source', () => {
    for (const { source } of sourced) {
      expect(new URL(source).protocol, source).toBe('https:')
    }
  })

  it('gives every line a real checked date that is not after the last check', () => {
    for (const { source, checked } of sourced) {
      expect(isRealDate(checked), `${checked} (${source})`).toBe(true)
      expect(checked <= LAST_CHECKED, `${checked} (${source})`).toBe(true)
    }
  })

  it('gives every service a name and a number or link to reach it', () => {
    for (const service of services) {
      expect(service.name.trim()).not.toBe('')
      for (const contact of service.contacts) {
        if (contact.kind === 'chat') expect(new URL(contact.url).protocol).toBe('https:')
        else expect(contact.number).toMatch(/^[\d() -]+$/)
      }
    }
  })

  it('offers 988 by call and text in the United States', () => {
    expect(numbersOf('US', 'call')).toContain('988')
    expect(numbersOf('US', 'text')).toContain('988')
  })

  it('offers Samaritans on 116 123 in the United Kingdom and in Ireland', () => {
    for (const country of ['GB', 'IE'] as const) {
      const samaritans = crisisResourcesFor(country).country?.services.find(
        (service) => service.name === 'Samaritans',
      )
      expect(samaritans?.contacts).toContainEqual(expect.objectContaining({ number: '116 123' }))
    }
  })

  it('has international directories to fall back on', () => {
    expect(INTERNATIONAL_DIRECTORIES.length).toBeGreaterThan(0)
    for (const directory of INTERNATIONAL_DIRECTORIES) {
      expect(new URL(directory.url).protocol).toBe('https:')
    }
  })
})

describe('countryFromAcceptLanguage', () => {
  it.each([
    ['en-GB', 'GB'],
    ['pt-BR', 'BR'],
    ['fr-CA,fr;q=0.9', 'CA'],
    ['de-AT', 'AT'],
    ['zh-Hant-HK', 'HK'],
    ['EN-us', 'US'],
    ['en_GB', 'GB'],
    ['ja', 'JP'],
    ['ko-KR,ko;q=0.9', 'KR'],
    ['de', 'DE'],
    ['he', 'IL'],
  ] as const)('reads %s as %s', (header, country) => {
    expect(countryFromAcceptLanguage(header)).toBe(country)
  })

  it.each(['en', 'es', 'fr', 'pt', 'zh', 'nl'])(
    'asks the reader when a bare %s could mean several countries',
    (header) => {
      expect(countryFromAcceptLanguage(header)).toBeNull()
    },
  )

  it('follows q-values rather than the order of the header', () => {
    expect(countryFromAcceptLanguage('en-US;q=0.5, en-GB;q=0.9')).toBe('GB')
    expect(countryFromAcceptLanguage('fr;q=0.2, pt-BR;q=0.8, en-US')).toBe('US')
  })

  it('keeps the header order among equal q-values', () => {
    expect(countryFromAcceptLanguage('en-IE;q=0.8, en-GB;q=0.8')).toBe('IE')
  })

  it('ignores ranges the reader marked unacceptable with q=0', () => {
    expect(countryFromAcceptLanguage('en-US;q=0, en-AU;q=0.1')).toBe('AU')
  })

  it('takes a Japanese browser that also accepts US English as Japanese', () => {
    // Chrome's default for a Japanese interface.
    expect(countryFromAcceptLanguage('ja,en-US;q=0.9,en;q=0.8')).toBe('JP')
  })

  it('skips a bare language that names no country and reads the next range', () => {
    expect(countryFromAcceptLanguage('en, en-NZ;q=0.9')).toBe('NZ')
    expect(countryFromAcceptLanguage('es-419, es-MX;q=0.8')).toBe('MX')
  })

  it('stops at a region we hold nothing for, rather than guess another country', () => {
    expect(countryFromAcceptLanguage('sw-KE, en-US;q=0.5')).toBeNull()
  })

  it('does not mistake extension or private-use subtags for regions', () => {
    expect(countryFromAcceptLanguage('en-u-ca-gregory')).toBeNull()
    expect(countryFromAcceptLanguage('x-gb')).toBeNull()
    expect(countryFromAcceptLanguage('en-Latn')).toBeNull()
  })

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['only spaces', '   '],
    ['only a wildcard', '*'],
    ['only separators', ',,,;;;'],
    ['a q-value that is not a number', 'en-GB;q=abc'],
    ['a q-value above 1', 'en-GB;q=1.5'],
    ['a parameter other than q', 'en-GB;level=1'],
    ['an emoji', '🙂'],
    ['a subtag longer than eight characters', `en-${'G'.repeat(10_000)}`],
    ['thousands of ranges before a good one', `${'xx,'.repeat(10_000)}en-GB`],
  ])('returns null for %s, without throwing', (_label, header) => {
    expect(countryFromAcceptLanguage(header)).toBeNull()
  })

  it('still reads the good ranges of a partly malformed header', () => {
    expect(countryFromAcceptLanguage('en-GB;q=abc, en-AU;q=0.5')).toBe('AU')
  })

  it('never throws, and answers a listed country or null, whatever the header', () => {
    const listed = new Set<string>(CRISIS_RESOURCES.map((resources) => resources.country))
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        const country = countryFromAcceptLanguage(header)
        return country === null || listed.has(country)
      }),
    )
  })
})

describe('crisisResourcesFor', () => {
  it("gives the reader's country and the international directories", () => {
    const resources = crisisResourcesFor('DE')
    expect(resources.country?.name).toBe('Germany')
    expect(resources.international).toEqual(INTERNATIONAL_DIRECTORIES)
  })

  it('falls back to the international directories alone when the country is unknown', () => {
    const resources = crisisResourcesFor(countryFromAcceptLanguage('en'))
    expect(resources.country).toBeNull()
    expect(resources.international.length).toBeGreaterThan(0)
  })

  it('accepts a country picked by the reader in any case, and nothing we do not list', () => {
    expect(countryCodeFrom(' nz ')).toBe('NZ')
    expect(countryCodeFrom('KE')).toBeNull()
    expect(countryCodeFrom('')).toBeNull()
  })

  it('types the country code as the codes in the data', () => {
    expectTypeOf<'US'>().toExtend<CountryCode>()
    expectTypeOf<'XX'>().not.toExtend<CountryCode>()
  })
})
