import type { SourceLine } from './source-lines.js'

// Files that are text but no story: a script, a table exported from a spreadsheet, source
// code, a web server's log. Read from their first lines, as a person glancing at them would.
const SAMPLE_LINES = 400
// Anchored at the start: one regular expression that also looked for a line's last character
// tried every position of every line, a twentieth of a story's parse.
const CODE_START =
  /^(?:import|export|function|var|let|const|def|class|return|#include|<\?php|echo|if\s*\(|for\s*\(|while\s*\(|public|private|package|using)\b|^<\/?[a-z!][^>]*>$/u
const CODE_END: ReadonlySet<string> = new Set([';', '{', '}'])

function isCodeLine(text: string): boolean {
  return CODE_END.has(text.charAt(text.length - 1)) || CODE_START.test(text)
}

function separatorCount(text: string): number {
  return text.match(/[,;\t|]/gu)?.length ?? 0
}

// A table has the same number of separators on most lines; prose never does for long.
function isTable(lines: readonly string[]): boolean {
  if (lines.length < 3) return false
  const counts = new Map<number, number>()
  for (const line of lines) {
    const count = separatorCount(line)
    if (count >= 2) counts.set(count, (counts.get(count) ?? 0) + 1)
  }
  const most = Math.max(0, ...counts.values())
  return most >= lines.length * 0.8
}

/** Why the file is not a story ("a shell script"), or undefined when it may be one. */
export function findNotAStory(lines: readonly SourceLine[]): string | undefined {
  const sample: string[] = []
  for (const line of lines) {
    if (sample.length >= SAMPLE_LINES) break
    if (line.text !== '') sample.push(line.text)
  }
  if (sample[0]?.startsWith('#!') === true) return 'is a script (it starts with "#!"), not a story'
  if (isTable(sample)) return 'is a table (every line has the same separators), not a story'
  const code = sample.filter(isCodeLine).length
  if (sample.length >= 3 && code >= sample.length * 0.5) {
    return 'looks like program code or markup, not a story'
  }
  return undefined
}
