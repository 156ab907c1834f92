/** What a work credited to no one says instead of a name, as AO3 says it. */
export const ANONYMOUS = 'Anonymous'

/** "Jen, Kit", or "Anonymous" for a rescued work whose file named no one. */
export function creditLine(creators: readonly string[]): string {
  return creators.length > 0 ? creators.join(', ') : ANONYMOUS
}
