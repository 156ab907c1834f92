/** What rescue learnt about the bytes it was given, kept beside them in `sources`. */
export type DecodedSource = Readonly<{
  /** The encoding the bytes were read as: "UTF-8", "UTF-16LE", "windows-1252"… */
  encoding: string
  /** How sure the decoder is: 1 for a BOM or valid UTF-8, lower for a statistical guess. */
  encodingConfidence: number
}>
