import { SECTION_KINDS, type Section, type SectionKind } from '../domain/work-draft.js'

/** A chapter's sections as the JSON text stored in `chapters.sections`. */
export function sectionsToJson(sections: readonly Section[]): string {
  return JSON.stringify(sections.map(({ kind, text }) => ({ kind, text })))
}

/** The sections stored as JSON; anything else in the column is a bug, so it throws. */
export function sectionsFromJson(json: string): Section[] {
  const parsed: unknown = JSON.parse(json)
  if (!Array.isArray(parsed)) throw new Error(`chapter sections: expected a JSON array`)
  return parsed.map((item: unknown, index) => {
    if (typeof item === 'object' && item !== null && 'kind' in item && 'text' in item) {
      const { kind, text } = item
      if (isSectionKind(kind) && typeof text === 'string') return { kind, text }
    }
    throw new Error(`chapter sections[${String(index)}]: expected { kind, text }`)
  })
}

function isSectionKind(value: unknown): value is SectionKind {
  return SECTION_KINDS.some((kind) => kind === value)
}
