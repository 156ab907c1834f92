import type { Rating } from './rating.js'
import type { WorkId } from './work.js'

/** What a plain listing shows of a work. */
export type WorkListing = Readonly<{
  id: WorkId
  title: string
  creators: readonly string[]
  rating: Rating
  fandoms: readonly string[]
  wordCount: number
  /** YYYY-MM-DD */
  updated: string
}>
