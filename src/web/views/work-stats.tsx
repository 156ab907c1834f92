import type { Work } from '../../domain/work.js'

const NUMBER = new Intl.NumberFormat('en')

/** "1/1", or "2/?" for a work still in progress, as AO3 counts chapters. */
export function chapterCountLine(work: Pick<Work, 'chapterCount' | 'complete'>): string {
  return `${String(work.chapterCount)}/${work.complete ? String(work.chapterCount) : '?'}`
}

/** The stats line: dates, words, chapters, and any count above zero. */
export function WorkStats({ work }: { readonly work: Work }) {
  const changed = work.updated !== work.posted
  const counts = [
    ['Kudos', work.stats.kudos],
    ['Comments', work.stats.comments],
    ['Bookmarks', work.stats.bookmarks],
    ['Hits', work.stats.hits],
  ] as const
  return (
    <dl class="stats">
      <div>
        {/* Without a date in the source, the date is the day the work was imported. */}
        <dt>{work.datesFromSource ? 'Published:' : 'Imported:'}</dt>
        <dd safe>{work.posted}</dd>
      </div>
      {changed && (
        <div>
          <dt>{work.complete ? 'Completed:' : 'Updated:'}</dt>
          <dd safe>{work.updated}</dd>
        </div>
      )}
      <div>
        <dt>Words:</dt>
        <dd safe>{NUMBER.format(work.wordCount)}</dd>
      </div>
      <div>
        <dt>Chapters:</dt>
        <dd safe>{chapterCountLine(work)}</dd>
      </div>
      {counts
        .filter(([, count]) => count > 0)
        .map(([name, count]) => (
          <div>
            <dt safe>{`${name}:`}</dt>
            <dd safe>{NUMBER.format(count)}</dd>
          </div>
        ))}
    </dl>
  )
}
