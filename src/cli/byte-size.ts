import { QuireError } from '../domain/errors.js'

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
}

/** "64MB", "500kb", "1048576" → bytes; anything else is a named error. */
export function parseByteSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/iu.exec(text)
  const unit = UNITS[(match?.[2] ?? '').toLowerCase()]
  if (match?.[1] === undefined || unit === undefined) {
    throw new QuireError(
      'QUIRE_CONFIG_BAD_SIZE',
      `--max-size "${text}" is not a size; expected a number of bytes or a number with KB, MB or GB`,
    )
  }
  return Math.floor(Number(match[1]) * unit)
}
