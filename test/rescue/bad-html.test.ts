import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFiles, type ImportOutcome } from '../../src/cli/import-files.js'
import { DEFAULT_MAX_FILE_SIZE } from '../../src/cli/read-story-file.js'
import { RescueError } from '../../src/domain/errors.js'
import { openTestStore } from '../support/test-store.js'
import { PROSE, rescueText } from './rescue-text.js'

// Issue 5's bad input, each named: a page cut off anywhere, tables nested twenty deep, and a
// 200 MB page on one line.
const PAGE = `<html><head><title>Cinder Lane</title><!-- made with FrontPage --></head><body>
<p><b>Title:</b> Cinder Lane<br><b>Author:</b> Osk Penhallow<br><b>Rating:</b> PG-13</p><hr>
${PROSE.split('\n\n').map((paragraph) => `<p>${paragraph.replace('three', '<i>three</i>')} &mdash; she said.</p>`).join('\n')}
<center>~ fin ~</center></body></html>`

describe('HTML that is broken or built to hurt', () => {
  it('cut off at any character still gives a work or a named refusal, never a crash', () => {
    for (let end = 0; end <= PAGE.length; end += 1) {
      const cut = PAGE.slice(0, end)
      try {
        const { work } = rescueText(cut, 'cinder.html')
        // Whatever survives of the story is words, never a half-read tag.
        const texts = work.chapters.flatMap((chapter) => chapter.sections.map((section) => section.text))
        expect(texts.join('\n')).not.toMatch(/<\/?(?:p|b|i|br|hr|center|html|body)\b/u)
      } catch (error) {
        expect(error, `cut at ${String(end)}`).toBeInstanceOf(RescueError)
      }
    }
    expect(rescueText(PAGE.slice(0, PAGE.indexOf('~ fin')), 'cinder.html').work.title).toBe('Cinder Lane')
  })

  it('reads the story inside tables nested twenty deep, as a browser shows it', () => {
    const open = '<table><tr><td>'.repeat(20)
    const close = '</td></tr></table>'.repeat(20)
    const page = `<html><body>${open}<p>Title: Deep Rooms</p><hr>${PROSE.split('\n\n').map((p) => `<p>${p}</p>`).join('')}${close}</body></html>`
    const { work } = rescueText(page, 'deep.html')
    expect(work.title).toBe('Deep Rooms')
    expect(work.chapters[0]?.sections.map((section) => section.text)).toEqual(PROSE.split('\n\n'))
  })

  it('refuses a 200 MB page by name and size before reading it, and imports the rest', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'quire-bad-html-'))
    const store = await openTestStore('sqlite')
    try {
      const huge = path.join(dir, 'a-huge.html')
      await writeFile(huge, '<html><body><p>')
      await truncate(huge, 200 * 1024 * 1024) // sparse: the disk holds a few bytes of it
      await writeFile(path.join(dir, 'b-small.html'), PAGE)
      const outcomes: ImportOutcome[] = []
      await importFiles(store, [dir], {
        maxSize: DEFAULT_MAX_FILE_SIZE,
        onOutcome: (outcome) => outcomes.push(outcome),
        onSkipped: () => undefined,
      })
      expect(outcomes.map((outcome) => [path.basename(outcome.file), outcome.status])).toEqual([
        ['a-huge.html', 'failed'],
        ['b-small.html', 'imported'],
      ])
      const [error] = outcomes[0]?.errors ?? []
      expect(error?.code).toBe('QUIRE_RESCUE_TOO_LARGE')
      expect(error?.message).toMatch(/a-huge\.html.*200\.0 MB.*over the 64\.0 MB limit/u)
      expect(await store.works.count()).toBe(1)
    } finally {
      await store.destroy()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
