/** An encoding named by a byte order mark, and how many bytes the mark takes. */
export type ByteOrderMark = Readonly<{
  encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE'
  length: number
}>

/** The byte order mark `bytes` starts with, or undefined. */
export function findByteOrderMark(bytes: Uint8Array): ByteOrderMark | undefined {
  const [first, second, third] = bytes
  if (first === 0xef && second === 0xbb && third === 0xbf) return { encoding: 'UTF-8', length: 3 }
  if (first === 0xff && second === 0xfe) return { encoding: 'UTF-16LE', length: 2 }
  if (first === 0xfe && second === 0xff) return { encoding: 'UTF-16BE', length: 2 }
  return undefined
}

/**
 * UTF-16 saved without a mark (Windows Notepad could): text in Latin script has a NUL as every
 * other byte. Looks at the first 4 KiB and answers the byte order, or undefined.
 */
export function guessUnmarkedUtf16(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const end = Math.min(bytes.length, 4096) & ~1
  if (end < 4) return undefined
  let evenZeros = 0
  let oddZeros = 0
  for (let index = 0; index < end; index += 2) {
    if (bytes[index] === 0) evenZeros += 1
    if (bytes[index + 1] === 0) oddZeros += 1
  }
  const pairs = end / 2
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'UTF-16LE'
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'UTF-16BE'
  return undefined
}
