/** "Jen, Kit", or "Anonymous" for a rescued work whose file named no one. */
export function creditLine(creators: readonly string[]): string {
  return creators.length > 0 ? creators.join(', ') : 'Anonymous'
}
