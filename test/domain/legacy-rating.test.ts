import { describe, expect, it } from 'vitest'
import { mapLegacyRating } from '../../src/domain/legacy-rating.js'

describe('mapping legacy ratings to AO3 ratings', () => {
  it.each([
    ['G', 'general'], ['PG', 'general'], ['K', 'general'], ['K+', 'general'], ['All ages', 'general'],
    ['FR7', 'general'], ['PG-13', 'teen'], ['PG13', 'teen'], ['PG 13', 'teen'], ['PG-15', 'teen'],
    ['T', 'teen'], ['FR13', 'teen'], ['Teen', 'teen'], ['R', 'mature'], ['M', 'mature'],
    ['FR15', 'mature'], ['Mature', 'mature'], ['NC-17', 'explicit'], ['NC17', 'explicit'],
    ['X', 'explicit'], ['MA', 'explicit'], ['FR18', 'explicit'], ['Adult', 'explicit'],
    ['Explicit', 'explicit'], ['Teen And Up Audiences', 'teen'], ['General Audiences', 'general'],
    ['Not Rated', 'not-rated'],
  ])('reads "%s" as %s', (written, rating) => {
    expect(mapLegacyRating(written)).toEqual({ rating, recognised: true })
  })

  it('reads only the leading rating of a longer text', () => {
    expect(mapLegacyRating("PG-13 for subject matter (see author's notes)")).toEqual({ rating: 'teen', recognised: true })
    expect(mapLegacyRating('Rated: R, for language')).toEqual({ rating: 'mature', recognised: true })
  })

  it("reads FanFiction.Net's story line, which puts \"Fiction\" before the rating", () => {
    expect(mapLegacyRating('Fiction T - English - Romance/Drama - Chapters: 5 - Words: 12,345')).toEqual({ rating: 'teen', recognised: true })
    expect(mapLegacyRating('Rated: Fiction K+ - English - Humor')).toEqual({ rating: 'general', recognised: true })
    expect(mapLegacyRating('Fiction M - English')).toEqual({ rating: 'mature', recognised: true })
    expect(mapLegacyRating('Fiction MA')).toEqual({ rating: 'explicit', recognised: true })
    expect(mapLegacyRating('Fiction')).toEqual({ rating: 'not-rated', recognised: false })
  })

  it('files anything else as Not Rated and says it did not recognise it', () => {
    expect(mapLegacyRating('PG-15ish maybe')).toEqual({ rating: 'teen', recognised: true })
    expect(mapLegacyRating('spicy')).toEqual({ rating: 'not-rated', recognised: false })
    expect(mapLegacyRating('')).toEqual({ rating: 'not-rated', recognised: false })
  })
})
