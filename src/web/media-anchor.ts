/** The fragment of a medium's section on /media: "TV Shows" is "media-tv-shows". */
export function mediaAnchor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/gu, '')
  return `media-${slug}`
}
