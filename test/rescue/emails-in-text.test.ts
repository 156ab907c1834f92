import { describe, expect, it } from 'vitest'
import { PROSE, rescueText } from './rescue-text.js'

describe('e-mail addresses in the story text', () => {
  it('keeps them as written and flags each section that holds one, with its line', () => {
    const rescued = rescueText(
      [
        'Title: Letters Home',
        '',
        PROSE,
        '',
        'Dear Jo, write back to meg.march@example.org when the snow melts.',
        '',
        PROSE,
        '',
        'Thanks for reading! Comments to beth@example.net please.',
      ].join('\n'),
    )
    const text = rescued.work.chapters.flatMap((chapter) => chapter.sections.map((section) => section.text)).join('\n')
    expect(text).toContain('meg.march@example.org')
    const flagged = rescued.report.issues.filter((issue) => issue.code === 'QUIRE_RESCUE_EMAIL_IN_TEXT')
    const lines = flagged.map((issue) => issue.line)
    expect(lines).toHaveLength(2)
    const source = ['Title: Letters Home', '', PROSE, ''].join('\n').split('\n').length + 1
    expect(lines[0]).toBe(source)
    expect(flagged.every((issue) => issue.field === 'chapters' && /redact/u.test(issue.message))).toBe(true)
  })

  it('flags nothing in a story without an address, "@" alone included', () => {
    const rescued = rescueText(['Title: At Home', '', PROSE, '', 'They met @ the diner at 9.'].join('\n'))
    expect(rescued.report.issues.filter((issue) => issue.code === 'QUIRE_RESCUE_EMAIL_IN_TEXT')).toEqual([])
  })
})
