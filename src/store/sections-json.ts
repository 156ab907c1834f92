import { SECTION_KINDS, type Section, type SectionKind } from '../domain/work-draft.js'

/** A chapter's sections as the JSON text stored in `chapters.sections`. */
export function sectionsToJson(sections: readonly Section[]): string {
  return JSON.stringify(
    sections.map(({ kind, text, html }) => (html === undefined ? { kind, text } : { kind, text, html })),
  )
}

/** The sections stored as JSON; anything else in the column is a bug, so it throws. */
export function sectionsFromJson(json: string): Section[] {
  const parsed: unknown = JSON.parse(json)
  if (!Array.isArray(parsed)) throw new Error(`chapter sections: expected a JSON array`)
  return parsed.map((item: unknown, index) => {
    if (typeof item === 'object' && item !== null && 'kind' in item && 'text' in item) {
      const { kind, text } = item
      const html = 'html' in item ? item.html : undefined
      if (isSectionKind(kind) && typeof text === 'string') {
        if (typeof html === 'string') return { kind, text, html }
        if (html === undefined) return { kind, text }
      }
    }
    throw new Error(`chapter sections[${String(index)}]: expected { kind, text, html? }`)
  })
}

function isSectionKind(value: unknown): value is SectionKind {
  return SECTION_KINDS.some((kind) => kind === value)
}
