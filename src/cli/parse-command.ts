import path from 'node:path'
import type { Command } from 'commander'
import type { RescuedWork } from '../domain/rescue-report.js'
import { workDraftToJson } from '../domain/work-draft-json.js'
import { RATING_NAMES } from '../domain/rating.js'
import { rescuePlainText } from '../rescue/rescue-plain-text.js'
import { readStoryFile } from './read-story-file.js'

/** `quire parse FILE [--json]`: what rescue reads in one file, without storing it. */
export function addParseCommand(program: Command): void {
  program
    .command('parse')
    .description('read one legacy story file and print the work it holds and the report')
    .argument('<file>', 'a plain-text story file')
    .option('--json', 'print one JSON object { work, report }')
    .action(async (file: string, options: { json?: boolean }) => {
      const bytes = await readStoryFile(file)
      const rescued = rescuePlainText(bytes, path.basename(file))
      const output = options.json === true ? toJson(rescued) : describeRescue(rescued)
      process.stdout.write(output + '\n')
    })
}

function toJson({ work, report }: RescuedWork): string {
  return JSON.stringify({ work: workDraftToJson(work), report }, null, 2)
}

function describeRescue({ work, report, source }: RescuedWork): string {
  const sections = work.chapters.flatMap((chapter) => chapter.sections)
  const countOf = (kind: string): number => sections.filter((s) => s.kind === kind).length
  const lines = [
    `Title:         ${work.title}`,
    `Creators:      ${work.creators.join(', ') || '(none named)'}`,
    `Rating:        ${RATING_NAMES[work.rating]}${work.ratingOriginal !== null ? ` (“${work.ratingOriginal}”)` : ''}`,
    `Fandoms:       ${work.fandoms.join(', ')}`,
    `Relationships: ${work.relationships.map((r) => r.name).join(', ')}`,
    `Characters:    ${work.characters.join(', ')}`,
    `Freeforms:     ${work.freeforms.join(', ')}`,
    `Notices:       ${work.contentNotices.map((n) => n.topic).join(', ') || '(none)'}`,
    `Complete:      ${work.complete ? 'yes' : 'no'}`,
    `Language:      ${work.language ?? 'unknown'}`,
    `Words:         ${String(work.wordCount)}`,
    `Encoding:      ${source.encoding}`,
    `Chapters:      ${String(work.chapters.length)} (${String(countOf('paragraph'))} paragraphs, ` +
      `${String(countOf('verse'))} verses, ${String(countOf('break'))} breaks, ` +
      `${String(countOf('heading'))} headings, ${String(countOf('note'))} notes)`,
  ]
  for (const issue of report.issues) {
    lines.push(`warning line ${String(issue.line)}${issue.field !== null ? ` (${issue.field})` : ''}: ${issue.message}`)
  }
  for (const { line, text } of report.unrecognised) {
    lines.push(`not understood, line ${String(line)}: ${text}`)
  }
  return lines.join('\n')
}
