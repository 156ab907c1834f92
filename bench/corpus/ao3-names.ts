import { existsSync, readFileSync } from 'node:fs'

export type Ao3Names = Readonly<{
  fandoms: readonly string[]
  characters: readonly string[]
  freeforms: readonly string[]
}>

// Used when ../shared/data is not beside the clone, so the benchmark still runs.
const FALLBACK: Ao3Names = {
  fandoms: ['Smallville', 'Buffy the Vampire Slayer', 'Stargate SG-1', 'Due South', 'X-Files'],
  characters: ['Chloe', 'Lex', 'Clark', 'Willow', 'Tara', 'Daniel', 'Jack', 'Fraser', 'Ray'],
  freeforms: ['Angst', 'Hurt/Comfort', 'Fluff', 'Friendship', 'Episode Tag'],
}

/** Real canonical tag names from the AO3 data-dump sample, most used first. */
export function loadAo3Names(tagsCsv: string): Ao3Names {
  if (!existsSync(tagsCsv)) return FALLBACK
  const byType = new Map<string, Array<{ name: string; count: number }>>()
  for (const line of readFileSync(tagsCsv, 'utf8').split(/\r?\n/u).slice(1)) {
    const fields = parseCsvLine(line)
    const [, type, name, canonical, count] = fields
    if (type === undefined || name === undefined || canonical !== 'TRUE') continue
    const list = byType.get(type) ?? []
    list.push({ name, count: Number(count) })
    byType.set(type, list)
  }
  const names = (type: string, fallback: readonly string[]): string[] => {
    const list = (byType.get(type) ?? []).sort((a, b) => b.count - a.count).map((t) => t.name)
    return list.length > 0 ? list : [...fallback]
  }
  return {
    fandoms: names('Fandom', FALLBACK.fandoms),
    // Single names as 1990s-2000s pairings wrote them ("Chloe/Lex"): the first word only.
    characters: names('Character', FALLBACK.characters).map((n) => n.split(/[\s(]/u)[0] ?? n),
    freeforms: names('Freeform', FALLBACK.freeforms),
  }
}

function parseCsvLine(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      fields.push(field)
      field = ''
    } else field += char
  }
  fields.push(field)
  return fields
}
