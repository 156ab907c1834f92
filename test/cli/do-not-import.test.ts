import { describe, expect, it } from 'vitest'
import { findListedCreator, parseDoNotImport } from '../../src/cli/do-not-import.js'

describe('a do-not-import list', () => {
  const list = parseDoNotImport('# left out at their request\n\n  Wren  HALLOWAY \r\nFan#1  # a name with a hash\n')

  it('matches a story creator whatever the case and spacing, and gives the name as the story has it', () => {
    expect(findListedCreator(list, ['Marigold Vance', 'wren halloway'])).toBe('wren halloway')
    expect(findListedCreator(list, ['Fan#1'])).toBe('Fan#1')
  })

  it('ignores comments and blank lines, and matches no one it does not name', () => {
    expect([...list]).toEqual(['wren halloway', 'fan#1'])
    expect(findListedCreator(list, ['Marigold Vance'])).toBeUndefined()
  })
})
