import type { SourceSummary } from '../../domain/stored-source.js'
import type { WorkId } from '../../domain/work.js'

/** The size of a file as people say it: "812 bytes", "12 KB", "1.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} bytes`
  if (bytes < 1024 * 1024) return `${String(Math.round(bytes / 1024))} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Where one of a work's original files can be downloaded. */
export function sourcePath(workId: WorkId, source: SourceSummary): string {
  return `/works/${workId}/sources/${String(source.id)}`
}

/** Links to the files a rescued work was made from, byte for byte as they were imported. */
export function SourceLinks({
  workId,
  sources,
}: {
  readonly workId: WorkId
  readonly sources: readonly SourceSummary[]
}) {
  return (
    <ul class="tags">
      {sources.map((source) => (
        <li>
          <a href={sourcePath(workId, source)} download="" safe>
            {source.fileName}
          </a>{' '}
          <span safe>{`(${fileSize(source.byteLength)}, ${source.encoding})`}</span>
        </li>
      ))}
    </ul>
  )
}
