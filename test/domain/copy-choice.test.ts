import { describe, expect, it } from 'vitest'
import { chooseCopy } from '../../src/domain/copy-choice.js'

describe('choosing which copy of a story a work shows', () => {
  it('prefers the copy from which rescue read more fields', () => {
    expect(chooseCopy({ title: 1 }, { title: 0.5, creators: 0.5 })).toEqual({
      kept: 'new',
      reason: 'the new copy gave more fields (2, not 1)',
    })
    expect(chooseCopy({ title: 0.5, creators: 0.5 }, { title: 1 }).kept).toBe('existing')
  })

  it('with as many fields, prefers the copy read surer, and keeps the existing work on a tie', () => {
    expect(chooseCopy({ title: 0.6 }, { title: 1 }).kept).toBe('new')
    expect(chooseCopy({ title: 1 }, { title: 0.6 }).kept).toBe('existing')
    expect(chooseCopy({ title: 0.7, rating: 0.2 }, { title: 0.2, rating: 0.7 })).toEqual({
      kept: 'existing',
      reason: 'as many fields, read as surely (total confidence 0.90 and 0.90): the existing work stays',
    })
  })
})
