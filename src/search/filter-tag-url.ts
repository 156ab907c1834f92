// AO3 writes a tag name into a URL path with these stand-ins, so "Kirk/Spock" is
// /tags/Kirk*s*Spock/works; the rest (spaces, non-Latin scripts) is percent-encoded. AO3 leaves
// "*" itself alone, which makes a name holding "*s*" unreadable; Quire writes "*" as "*x*" first.
const STAND_INS: ReadonlyArray<readonly [string, string]> = [
  ['*', '*x*'],
  ['/', '*s*'],
  ['&', '*a*'],
  ['.', '*d*'],
  ['?', '*q*'],
  ['#', '*h*'],
]

/** A tag name as one URL path segment: "Kirk/Spock" -> "Kirk*s*Spock", "東方" percent-encoded. */
export function tagToUrlSegment(name: string): string {
  let segment = name
  for (const [character, standIn] of STAND_INS) segment = segment.replaceAll(character, standIn)
  return encodeURIComponent(segment)
}

/** The tag name a path segment spells, after the router has percent-decoded it. */
export function tagFromUrlSegment(decoded: string): string {
  return decoded.replace(/\*([xsadqh])\*/gu, (whole, code: string) => {
    const pair = STAND_INS.find(([, standIn]) => standIn === `*${code}*`)
    return pair === undefined ? whole : pair[0]
  })
}
