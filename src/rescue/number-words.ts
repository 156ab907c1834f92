// Chapter numbers as words and Roman numerals: "Chapter Twenty-One", "Part IV".
const UNITS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen',
  'nineteen',
]
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
const ROMAN: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100 }

function readWords(text: string): number | undefined {
  const unit = UNITS.indexOf(text)
  if (unit >= 0) return unit
  const [tens = '', ones = ''] = text.split(/[-\s]/u)
  const ten = TENS.indexOf(tens)
  if (ten < 2) return undefined
  if (ones === '') return ten * 10
  const one = UNITS.indexOf(ones)
  return one >= 1 && one <= 9 ? ten * 10 + one : undefined
}

function readRoman(text: string): number | undefined {
  if (!/^[ivxlc]{1,8}$/u.test(text)) return undefined
  let total = 0
  for (let index = 0; index < text.length; index += 1) {
    const value = ROMAN[text[index] ?? ''] ?? 0
    const next = ROMAN[text[index + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total > 0 ? total : undefined
}

/** The number "12", "twelve", "twenty-one" or "XII" stands for, or undefined. */
export function readNumber(raw: string): number | undefined {
  const text = raw.trim().toLowerCase()
  if (/^\d{1,4}$/u.test(text)) return Number(text)
  return readWords(text) ?? readRoman(text)
}
