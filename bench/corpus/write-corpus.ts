import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { type Ao3Names, loadAo3Names } from './ao3-names.js'
import { generateStory, generateStoryParts, longTailWordCount, type GeneratedStory } from './generate-story.js'
import { type Random, seededRandom } from './random.js'
import { type StoryShape, writeStoryAs } from './story-shapes.js'

export type CorpusShape =
  | { readonly kind: 'fixed'; readonly works: number; readonly words: number }
  | { readonly kind: 'long-tail'; readonly works: number }
  | { readonly kind: 'bytes'; readonly bytes: number }
  /** Works in one of the shapes besides plain text (HTML pages, mail, EPUB…), on a long tail. */
  | { readonly kind: 'shape'; readonly shape: StoryShape; readonly works: number }

// Long enough for chapters (a story over 8,000 words has them), short enough for a quick run.
const SHAPE_WORDS_MAX = 20_000

export type WrittenCorpus = Readonly<{ folder: string; files: number; bytes: number }>

/** Writes a deterministic corpus of legacy story files into `folder` (emptied first), 1,000 a subfolder. */
export async function writeCorpus(folder: string, shape: CorpusShape, seed: number): Promise<WrittenCorpus> {
  await rm(folder, { recursive: true, force: true })
  const random = seededRandom(seed)
  const names = loadAo3Names(path.resolve('..', 'shared', 'data', 'ao3-dump-sample', 'tags-20210226.csv'))
  let files = 0
  let bytes = 0
  for (;;) {
    if (shape.kind !== 'bytes' && files >= shape.works) break
    if (shape.kind === 'bytes' && bytes >= shape.bytes) break
    const story = nextStory(random, names, shape, files)
    const dir = path.join(folder, String(Math.floor(files / 1000)).padStart(4, '0'))
    if (files % 1000 === 0) await mkdir(dir, { recursive: true })
    await writeFile(path.join(dir, story.fileName), story.bytes)
    files += 1
    bytes += story.bytes.length
  }
  return { folder, files, bytes }
}

function nextStory(random: Random, names: Ao3Names, shape: CorpusShape, index: number): GeneratedStory {
  if (shape.kind === 'shape') {
    const words = Math.min(SHAPE_WORDS_MAX, longTailWordCount(random))
    return writeStoryAs(random, generateStoryParts(random, names, index, words), shape.shape)
  }
  const words = shape.kind === 'fixed' ? shape.words : longTailWordCount(random)
  return generateStory(random, names, index, words)
}
