import { describe, expect, it } from 'vitest'
import { findContentNotices } from '../../src/safety/content-notices.js'

describe('content notices from what authors say about their work', () => {
  it('gives a suicide notice at the line that says the story deals with it', () => {
    const notices = findContentNotices([
      { text: 'A quiet story about two friends.', line: 3 },
      { text: 'This piece deals with the issue of suicide.', line: 9 },
    ])
    expect(notices).toEqual([{ topic: 'suicide', line: 9 }])
  })

  it('gives a self-harm notice for self-harm, self-injury and self harm', () => {
    for (const text of ['Warning: self-harm.', 'Deals with self injury.', 'mentions of self harm']) {
      expect(findContentNotices([{ text, line: 1 }])).toEqual([{ topic: 'self-harm', line: 1 }])
    }
  })

  it('gives one notice per topic even when several lines mention it', () => {
    const notices = findContentNotices([
      { text: 'suicidal thoughts', line: 2 },
      { text: 'more about suicide', line: 5 },
    ])
    expect(notices).toEqual([{ topic: 'suicide', line: 2 }])
  })

  it('gives no notice when the author says the topic is absent', () => {
    expect(findContentNotices([{ text: 'Warnings: no suicide, no death, just fluff.', line: 2 }])).toEqual([])
  })

  it('keeps only the topic and line, never the words around it', () => {
    const [notice] = findContentNotices([{ text: 'He tries to kill himself with something specific.', line: 4 }])
    expect(Object.keys(notice ?? {}).sort()).toEqual(['line', 'topic'])
  })
})
