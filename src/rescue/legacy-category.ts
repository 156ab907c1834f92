import { type Category, categoryFromName } from '../domain/category.js'

/** Categories a "Category:" field names, and its words that are no category (genres). */
export type CategoryReading = Readonly<{
  categories: readonly Category[]
  unmapped: readonly string[]
}>

// Words mailing lists used for what AO3 calls categories. "Slash" on its own meant two men
// (women were "femslash"), and "het" a man and a woman.
const LEGACY_CATEGORIES: Readonly<Record<string, Category>> = {
  gen: 'gen',
  general: 'gen',
  het: 'fm',
  hetero: 'fm',
  straight: 'fm',
  slash: 'mm',
  'm/m slash': 'mm',
  femslash: 'ff',
  'fem slash': 'ff',
  'f/f slash': 'ff',
  yaoi: 'mm',
  yuri: 'ff',
  'shounen ai': 'mm',
  'shoujo ai': 'ff',
  'm/f': 'fm',
  multi: 'multi',
  multiple: 'multi',
  other: 'other',
}

/** Maps the items of a "Category:" field to AO3's categories. */
export function readCategories(items: readonly string[]): CategoryReading {
  const categories: Category[] = []
  const unmapped: string[] = []
  for (const item of items) {
    const word = item.toLowerCase().replace(/[.!]+$/u, '').replace(/\s+/gu, ' ').trim()
    const category = categoryFromName(word) ?? LEGACY_CATEGORIES[word]
    if (category === undefined) unmapped.push(item)
    else if (!categories.includes(category)) categories.push(category)
  }
  return { categories, unmapped }
}
