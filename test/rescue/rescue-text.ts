import { expect } from 'vitest'
import { RescueError } from '../../src/domain/errors.js'
import type { RescuedWork } from '../../src/domain/rescue-report.js'
import type { SectionKind } from '../../src/domain/work-draft.js'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'

/** Rescues a test story given as a string, encoded as UTF-8. */
export function rescueText(text: string, fileName = 'old-site/story.txt'): RescuedWork {
  return rescuePlainText(new TextEncoder().encode(text), fileName)
}

/** The kinds of every section of every chapter, in order. */
export function sectionKinds(rescued: RescuedWork): SectionKind[] {
  return rescued.work.chapters.flatMap((chapter) => chapter.sections.map((section) => section.kind))
}

/** The sections of one kind across the work. */
export function sectionsOf(rescued: RescuedWork, kind: SectionKind): string[] {
  return rescued.work.chapters.flatMap((chapter) =>
    chapter.sections.filter((section) => section.kind === kind).map((section) => section.text),
  )
}

/** A few sentences of original prose, enough for a story body. */
export const PROSE = [
  'The rain had not stopped for three days, and Mara was tired of the sound of it on the roof.',
  'She put the kettle on anyway, because that was what one did when the world refused to cooperate.',
  '"You could just go outside," said Tomas from the doorway. "It is only water."',
  'She gave him a look that said exactly what she thought of that idea, and he laughed.',
].join('\n\n')

/** The RescueError that rescuing `input` throws; any other outcome fails the test. */
export function rescueFailure(input: string | Uint8Array, fileName: string): RescueError {
  try {
    rescuePlainText(typeof input === 'string' ? new TextEncoder().encode(input) : input, fileName)
  } catch (error) {
    if (error instanceof RescueError) return error
    throw error
  }
  throw new Error(`${fileName} was rescued, but should not have been`)
}

/** Runs `read`, which may refuse its input with a RescueError and nothing else. */
export function onlyRescueErrors(read: () => unknown): void {
  try {
    read()
  } catch (error) {
    expect(error).toBeInstanceOf(RescueError)
  }
}
