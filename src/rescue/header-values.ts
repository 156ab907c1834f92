import type { HeaderFieldName } from './header-keys.js'
import type { FieldParagraph, HeaderField } from './header-block.js'

/** Header fields, looked up by meaning. */
export type HeaderValues = Readonly<{
  all: (name: HeaderFieldName) => readonly HeaderField[]
  first: (name: HeaderFieldName) => HeaderField | undefined
}>

/** A field's value: its paragraphs joined by a blank line. */
export function fieldText(field: HeaderField): string {
  return field.paragraphs.map((paragraph) => paragraph.text).join('\n\n')
}

/** The values of every field of one meaning, in file order. */
export function fieldTexts(fields: readonly HeaderField[]): string[] {
  return fields.map(fieldText).filter((text) => text !== '')
}

/** Each paragraph of the given fields, with its line. */
export function fieldParagraphs(fields: readonly HeaderField[]): FieldParagraph[] {
  return fields.flatMap((field) => field.paragraphs)
}

/** Indexes header fields by meaning. */
export function indexHeader(fields: readonly HeaderField[]): HeaderValues {
  const all = (name: HeaderFieldName): readonly HeaderField[] =>
    fields.filter((field) => field.field === name && field.paragraphs.length > 0)
  return { all, first: (name) => all(name)[0] }
}

/** The rule name for a value read from a labelled field: `header:Rated`. */
export function headerRule(field: HeaderField): string {
  return `header:${field.key}`
}
