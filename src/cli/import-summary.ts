import type { ImportOutcome } from './import-files.js'

// Warnings that say rescue changed the text to make it readable, rather than doubting a value.
const REPAIRS: ReadonlySet<string> = new Set([
  'QUIRE_RESCUE_REPLACED_CHARACTERS',
  'QUIRE_RESCUE_MIXED_ENCODING',
  'QUIRE_RESCUE_MOJIBAKE',
  'QUIRE_RESCUE_CONTROL_CHARACTERS',
  'QUIRE_RESCUE_MIXED_LINE_ENDINGS',
])

/** Counts, by name, of what an import met; printed at its end so a large run reads at a glance. */
export class ImportSummary {
  readonly #formats = new Map<string, number>()
  readonly #encodings = new Map<string, number>()
  readonly #repairs = new Map<string, number>()
  readonly #warnings = new Map<string, number>()
  readonly #failures = new Map<string, number>()
  readonly #merged = new Map<string, number>()
  readonly #skipped = new Map<string, number>()

  record(outcome: ImportOutcome): void {
    if (outcome.merged !== undefined) add(this.#merged, `kept ${outcome.merged.kept}`)
    if (outcome.skipped !== undefined) add(this.#skipped, outcome.skipped.author)
    if (outcome.format !== null) add(this.#formats, outcome.format)
    if (outcome.encoding !== null) add(this.#encodings, outcome.encoding)
    for (const { code } of outcome.warnings) add(REPAIRS.has(code) ? this.#repairs : this.#warnings, code)
    for (const { code } of outcome.errors) add(this.#failures, code)
  }

  /**
   * One line per kind of count that is not empty: "encodings  UTF-8 9, windows-1252 3",
   * "merged     kept existing 2, kept new 1", "skipped    Wren Halloway 1".
   */
  lines(): string[] {
    const rows: Array<[string, Map<string, number>]> = [
      ['formats', this.#formats],
      ['encodings', this.#encodings],
      ['repairs', this.#repairs],
      ['warnings', this.#warnings],
      ['failures', this.#failures],
      // Which copy each merged work shows; whose stories the do-not-import list left out.
      ['merged', this.#merged],
      ['skipped', this.#skipped],
    ]
    return rows
      .filter(([, counts]) => counts.size > 0)
      .map(([label, counts]) => `${label.padEnd(10)} ${describe(counts)}`)
  }
}

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

// Most first, then by name, so two runs over the same folder print the same line.
function describe(counts: ReadonlyMap<string, number>): string {
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => `${key} ${String(count)}`)
    .join(', ')
}
