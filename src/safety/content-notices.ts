import type { ContentNotice, ContentTopic } from '../domain/work-draft.js'

/** Text an author wrote about the work (summary, notes, warnings) and the line it starts on. */
export type AuthorStatement = Readonly<{ text: string; line: number }>

// What authors write when a story deals with a topic a reader should be told of first. Only
// the topic is ever kept: a notice names no method and quotes nothing.
const TOPIC_PATTERNS: ReadonlyArray<readonly [ContentTopic, RegExp]> = [
  [
    'suicide',
    /\bsuicid(?:e|es|al|ality)\b|\bkill(?:s|ed|ing)?\s+(?:him|her|them|my|your|one)sel(?:f|ves)\b|\btak(?:e|es|ing)\s+(?:his|her|their|my|your)\s+own\s+life\b/giu,
  ],
  [
    'self-harm',
    /\bself[\s-]?(?:harm(?:s|ed|ing)?|injur(?:y|ies|ing|ious)|mutilat\w*)\b|\bcut(?:s|ting)?\s+(?:him|her|them|my|your)sel(?:f|ves)\b/giu,
  ],
]
// "No suicide." and "not a suicide fic" say the opposite; one word of negation right before.
const NEGATED = /\b(?:no|not|non)[\s-]+(?:a\s+)?$/iu

function mentions(text: string, pattern: RegExp): boolean {
  for (const found of text.matchAll(pattern)) {
    if (!NEGATED.test(text.slice(Math.max(0, found.index - 12), found.index))) return true
  }
  return false
}

/**
 * The notices a work needs, from what its author says about it: one per topic, at the first
 * line that calls for it. The story's own prose is not read: a character may mention a topic
 * in passing without the work dealing with it.
 */
export function findContentNotices(statements: readonly AuthorStatement[]): ContentNotice[] {
  const notices: ContentNotice[] = []
  for (const [topic, pattern] of TOPIC_PATTERNS) {
    const first = statements.find((statement) => mentions(statement.text, pattern))
    if (first !== undefined) notices.push({ topic, line: first.line })
  }
  return notices
}
