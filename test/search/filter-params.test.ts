import { describe, expect, it } from 'vitest'
import { EMPTY_FILTER_QUERY } from '../../src/domain/filter-query.js'
import { QuireError } from '../../src/domain/errors.js'
import { FILTER_PAGE_MAX, filterQueryToParams, parseFilterParams } from '../../src/search/filter-params.js'
import { tagFromUrlSegment, tagToUrlSegment } from '../../src/search/filter-tag-url.js'

const parse = (search: string) => parseFilterParams(new URLSearchParams(search))

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof QuireError) return error.code
    throw error
  }
  return undefined
}

describe('filter URL parameters', () => {
  it('reads every parameter a listing link can carry', () => {
    const query = parse(
      'include=Smallville&include=Chloe+%26+Lex&exclude=Major+Character+Death&rating=teen&rating=Mature' +
        '&warning=no-warnings&category=M%2FM&crossover=exclude&complete=T&language=EN&words_min=1,000' +
        '&words_max=50000&updated_after=2004-01-01&updated_before=2004-12-31&q=rain&sort=kudos&page=3',
    )
    expect(query).toEqual({
      include: ['Smallville', 'Chloe & Lex'],
      exclude: ['Major Character Death'],
      ratings: ['teen', 'mature'],
      warnings: ['no-warnings'],
      categories: ['mm'],
      crossover: 'exclude',
      completion: 'complete',
      language: 'en',
      words: { min: 1000, max: 50000 },
      updated: { min: '2004-01-01', max: '2004-12-31' },
      text: 'rain',
      sort: 'kudos',
      page: 3,
    })
  })

  it('gives every work, newest first, for no parameters, and ignores keys it does not know', () => {
    expect(parse('utf8=✓&commit=Sort')).toEqual(EMPTY_FILTER_QUERY)
  })

  it('writes a query back as the same short parameters, leaving defaults out', () => {
    const search = 'include=Kirk%2FSpock&exclude=Angst&rating=explicit&crossover=only&complete=false&sort=title&page=2'
    const params = filterQueryToParams(parse(search))
    expect(params.toString()).toBe(search)
    expect(parseFilterParams(params)).toEqual(parse(search))
    expect(filterQueryToParams(EMPTY_FILTER_QUERY).toString()).toBe('')
  })

  it('reads the object Fastify makes of a query string, a repeated key as an array', () => {
    expect(parseFilterParams({ include: ['A', 'B'], page: '2' })).toMatchObject({ include: ['A', 'B'], page: 2 })
  })

  it('refuses 10,000 tags with a clear error before looking at any of them', () => {
    const search = Array.from({ length: 10_000 }, (_, n) => `include=t${String(n)}`).join('&')
    expect(codeOf(() => parse(search))).toBe('QUIRE_FILTER_TOO_MANY_TAGS')
    expect(() => parse(search)).toThrow('10000 include and exclude tags; at most 50')
  })

  it.each([
    ['page=0', 'QUIRE_FILTER_BAD_PAGE'],
    ['page=-3', 'QUIRE_FILTER_BAD_PAGE'],
    ['page=1.5', 'QUIRE_FILTER_BAD_PAGE'],
    ['page=two', 'QUIRE_FILTER_BAD_PAGE'],
    ['updated_after=2023-02-30', 'QUIRE_FILTER_BAD_DATE'],
    ['updated_after=yesterday', 'QUIRE_FILTER_BAD_DATE'],
    ['updated_after=2005-01-01&updated_before=2004-01-01', 'QUIRE_FILTER_BAD_DATE'],
    ['words_min=lots', 'QUIRE_FILTER_BAD_PARAM'],
    ['words_min=10&words_max=5', 'QUIRE_FILTER_BAD_PARAM'],
    ['rating=PG-15', 'QUIRE_FILTER_BAD_PARAM'],
    ['sort=random', 'QUIRE_FILTER_BAD_PARAM'],
    ['sort=title&sort=kudos', 'QUIRE_FILTER_BAD_PARAM'],
    ['crossover=maybe', 'QUIRE_FILTER_BAD_PARAM'],
    ['complete=perhaps', 'QUIRE_FILTER_BAD_PARAM'],
    ['language=english', 'QUIRE_FILTER_BAD_PARAM'],
    [`q=${'x'.repeat(501)}`, 'QUIRE_FILTER_BAD_PARAM'],
  ])('refuses %s with %s', (search, code) => {
    expect(codeOf(() => parse(search))).toBe(code)
  })

  it('clamps a huge page number rather than failing', () => {
    expect(parse(`page=${'9'.repeat(400)}`).page).toBe(FILTER_PAGE_MAX)
  })
})

describe('tag names in URL paths', () => {
  it.each(['Kirk/Spock', 'Chloe & Lex', 'Dr. Who?', '#1 Fan', 'a*s*b', '東方Project', 'Ünïcödé 100%'])(
    'writes "%s" as one safe segment and reads it back',
    (name) => {
      const segment = tagToUrlSegment(name)
      expect(segment).toMatch(/^[A-Za-z0-9%*_~!'()-]+$/u)
      expect(tagFromUrlSegment(decodeURIComponent(segment))).toBe(name)
    },
  )

  it('uses the stand-ins AO3 readers know', () => {
    expect(tagToUrlSegment('Kirk/Spock')).toBe('Kirk*s*Spock')
  })
})
