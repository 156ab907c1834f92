import { describe, expect, it } from 'vitest'
import { parseRelationship } from '../../src/domain/relationship.js'

describe('reading relationship notation', () => {
  it('reads "A/B" as romantic', () => {
    expect(parseRelationship('Clark/Lex')).toEqual({ name: 'Clark/Lex', platonic: false, characters: ['Clark', 'Lex'], original: 'Clark/Lex' })
  })

  it('reads "A & B" as platonic', () => {
    expect(parseRelationship('Buffy & Willow')).toMatchObject({ name: 'Buffy & Willow', platonic: true })
  })

  it.each(['Chloe/Lex friendship', 'Clark/Pete (friendship)', 'Buffy/Willow - platonic', 'Sam/Dean, gen'])(
    'reads "%s" as platonic and names it with "&"',
    (written) => {
      const relationship = parseRelationship(written)
      expect(relationship?.platonic).toBe(true)
      expect(relationship?.name).toMatch(/^\S.* & \S/u)
      expect(relationship?.original).toBe(written)
    },
  )

  it('reads a threesome "A/B/C"', () => {
    expect(parseRelationship('Ada/Ben/Cleo')?.characters).toEqual(['Ada', 'Ben', 'Cleo'])
  })

  it('reads "A x B" with spaces but not a name with an x in it', () => {
    expect(parseRelationship('Mo x Lena')).toMatchObject({ name: 'Mo/Lena', platonic: false })
    expect(parseRelationship('Xander')).toBeUndefined()
  })

  it('drops qualifiers that name no character', () => {
    expect(parseRelationship('implied Sam/Jess')?.characters).toEqual(['Sam', 'Jess'])
    expect(parseRelationship('Clark/Lana (romance)')?.characters).toEqual(['Clark', 'Lana'])
  })

  it('reads nothing from text that names fewer than two characters', () => {
    expect(parseRelationship('Chlex')).toBeUndefined()
    expect(parseRelationship('Clark/')).toBeUndefined()
  })
})
