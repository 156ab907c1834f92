import { strToU8, zipSync } from 'fflate'
import iconv from 'iconv-lite'
import type { GeneratedStory, StoryBlock, StoryParts } from './generate-story.js'
import type { Random } from './random.js'

/** The shapes the mixed-format corpus writes a story in, named as rescue names the formats. */
export const STORY_SHAPES = [
  'plain-text', 'html', 'ao3-html', 'fanfiction-net', 'efiction', 'journal-post', 'email', 'markdown', 'epub',
] as const
export type StoryShape = (typeof STORY_SHAPES)[number]

/** Shapes read through an HTML parser, whose speed has htmlparser2's tokenizer as a ceiling. */
export const HTML_SHAPES: ReadonlySet<StoryShape> = new Set(['html', 'ao3-html', 'fanfiction-net', 'efiction', 'journal-post', 'epub'])

const EXTENSIONS: Readonly<Record<StoryShape, string>> = {
  'plain-text': 'txt', html: 'html', 'ao3-html': 'html', 'fanfiction-net': 'htm', efiction: 'php',
  'journal-post': 'html', email: 'mbox', markdown: 'md', epub: 'epub',
}

type Chapter = Readonly<{ title: string | null; blocks: readonly StoryBlock[] }>
type Trouble = 'none' | 'windows-1252' | 'shift_jis' | 'mojibake' | 'mixed'

// Japanese prose for the stories saved as Shift_JIS, as Japanese archives of the 2000s saved them.
const JAPANESE = [
  '潮はいつもより一時間早く満ちて、彼女は最後の灯りが沈むのを見ていた。',
  '「船は待つと言ったでしょう」と彼は言った。「二度も」',
  '島の誰も、船についての約束を守ったことはなかった。',
  '朝になると、町のすべての灯りがともっていた。',
]

function splitChapters(body: readonly StoryBlock[]): Chapter[] {
  const chapters: Array<{ title: string | null; blocks: StoryBlock[] }> = []
  for (const block of body) {
    if (block.kind === 'heading' || chapters.length === 0) chapters.push({ title: block.kind === 'heading' ? block.text : null, blocks: [] })
    if (block.kind !== 'heading') chapters[chapters.length - 1]?.blocks.push(block)
  }
  return chapters
}

function escape(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;')
}

function blockHtml(block: StoryBlock): string {
  if (block.kind === 'break') return block.text === '-----' ? '<hr>' : `<p align="center">${escape(block.text)}</p>`
  if (block.kind === 'stanza') return `<p>${block.text.split('\n').map(escape).join('<br>\n')}</p>`
  if (block.kind === 'pov') return `<p><i>${escape(block.text)}</i></p>`
  if (block.kind === 'heading') return `<h2>${escape(block.text)}</h2>`
  return `<p>${emphasise(escape(block.text))}</p>`
}

// Half the paragraphs stress a word, as stories written for the web did: rescue keeps that
// markup, sanitised, so the corpus must carry some for its cost to show.
function emphasise(html: string): string {
  if (html.length % 2 === 1) return html
  const words = html.split(' ')
  const at = Math.min(2, words.length - 1)
  return words.map((word, index) => (index === at ? `<i>${word}</i>` : word)).join(' ')
}

const bodyHtml = (blocks: readonly StoryBlock[]): string => blocks.map(blockHtml).join('\n')

function fieldList(parts: StoryParts): Array<readonly [string, string]> {
  const keys: ReadonlyArray<readonly [string, string]> = [
    ['title', 'Title'], ['author', 'Author'], ['fandom', 'Fandom'], ['rating', 'Rating'], ['pairing', 'Pairing'],
    ['summary', 'Summary'], ['disclaimer', 'Disclaimer'], ['notes', 'Notes'],
  ]
  return keys.flatMap(([key, label]) => (parts.fields[key] === undefined ? [] : [[label, parts.fields[key]] as const]))
}

const field = (parts: StoryParts, key: string): string => escape(parts.fields[key] ?? '')

function head(parts: StoryParts, charset: string): string {
  return `<head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${field(parts, 'title')}</title></head>`
}

function plainText(parts: StoryParts, random: Random): string {
  const body = [...parts.body.map((block) => block.text), parts.endMarker]
  return `${[...parts.headerLines, '', random.pick(['* * *', '~~~', '-----']), '', ...body].join('\n\n')}\n`
}

function htmlPage(parts: StoryParts, charset: string): string {
  const header = fieldList(parts).map(([label, value]) => `<b>${label}:</b> ${escape(value)}<br>`).join('\n')
  return `<!DOCTYPE html><html>${head(parts, charset)}<body bgcolor="#ffffff">
<table width="80%"><tr><td><font face="Verdana">${header}</font></td></tr></table><hr>
${bodyHtml(parts.body)}\n<p>${escape(parts.endMarker)}</p>
<p><a href="index.html">Back</a> | <a href="mailto:${field(parts, 'author')}@example.org">Feedback</a></p></body></html>\n`
}

function ao3Download(parts: StoryParts, charset: string): string {
  const tag = (label: string, key: string): string =>
    parts.fields[key] === undefined ? '' : `<dt>${label}:</dt><dd><a href="https://archiveofourown.org/tags/x">${field(parts, key)}</a></dd>\n`
  const chapters = splitChapters(parts.body)
  const chapterHtml = chapters.map((chapter, index) =>
    chapters.length === 1
      ? `<div class="userstuff">${bodyHtml(chapter.blocks)}</div>`
      : `<div class="meta group"><h2 class="heading">Chapter ${String(index + 1)}: ${escape(chapter.title ?? '')}</h2></div>\n<div class="userstuff">${bodyHtml(chapter.blocks)}</div>`,
  )
  return `<!DOCTYPE html><html>${head(parts, charset)}<body>
<div id="preface"><p class="message"><b>${field(parts, 'title')}</b></p><div class="meta"><dl class="tags">
${tag('Rating', 'rating')}${tag('Fandom', 'fandom')}${tag('Relationship', 'pairing')}<dt>Stats:</dt><dd>Published: 2005-03-04 Words: ${String(parts.words)} Chapters: ${String(chapters.length)}/${String(chapters.length)}</dd></dl>
<h1>${field(parts, 'title')}</h1><div class="byline">by <a rel="author" href="x">${field(parts, 'author')}</a></div>
<p>Summary</p><blockquote class="userstuff"><p>${field(parts, 'summary')}</p></blockquote></div></div>
<div id="chapters">${chapterHtml.join('\n')}</div>
<div id="afterword"><div id="endnotes"><p>End Notes</p><blockquote class="userstuff"><p>${escape(parts.endMarker)}</p></blockquote></div></div></body></html>\n`
}

function ffnPage(parts: StoryParts, charset: string): string {
  const chapters = splitChapters(parts.body)
  const options = chapters.map((chapter, index) => `<option value="${String(index + 1)}"${index === 0 ? ' selected' : ''}>${String(index + 1)}. ${escape(chapter.title ?? 'Chapter')}</option>`)
  return `<html>${head(parts, charset)}<body><div id="pre_story_links"><a href="/tv/">TV Shows</a> » <a href="/tv/x/">${field(parts, 'fandom') || 'Smallville'}</a></div>
<div id="profile_top"><b class="xcontrast_txt">${field(parts, 'title')}</b> By: <a href="/u/${String(parts.index)}/x">${field(parts, 'author')}</a>
<div class="xcontrast_txt">${field(parts, 'summary')}</div>
<span class="xgray">Rated: Fiction T - English - Romance/Drama - Chapters: ${String(chapters.length)} - Words: ${String(parts.words)} - Published: <span data-xutime="1231000000">1/5/2009</span> - id: ${String(parts.index)}</span></div>
<select id="chap_select">${options.join('')}</select>
<div id="storytext">${bodyHtml(parts.body)}</div><div id="review">Review</div></body></html>\n`
}

function efictionPage(parts: StoryParts, charset: string): string {
  const chapters = splitChapters(parts.body)
  const label = (name: string, key: string): string => (parts.fields[key] === undefined ? '' : `<span class="label">${name}:</span> ${field(parts, key)}<br>\n`)
  const chapterHtml = chapters.map((chapter, index) => `<div class="chaptertitle">${escape(chapter.title ?? `Chapter ${String(index + 1)}`)} by ${field(parts, 'author')}</div>\n<div class="chapter">${bodyHtml(chapter.blocks)}</div>`)
  return `<html>${head(parts, charset)}<body><div id="pagetitle"><a href="viewstory.php?sid=${String(parts.index)}">${field(parts, 'title')}</a> by <a href="viewuser.php?uid=7">${field(parts, 'author')}</a></div>
<div class="content">${label('Summary', 'summary')}${label('Rated', 'rating')}${label('Categories', 'fandom')}${label('Pairings', 'pairing')}<span class="label">Completed:</span> Yes<br><span class="label">Word count:</span> ${String(parts.words)}</div>
${chapterHtml.join('\n')}\n<div id="footer">Powered by eFiction</div></body></html>\n`
}

function journalPost(parts: StoryParts, charset: string): string {
  const header = fieldList(parts).filter(([label]) => label !== 'Author').map(([label, value]) => `<b>${label}:</b> ${escape(value)}<br>`).join('\n')
  return `<html>${head(parts, charset)}<body><div class="entry"><h3 class="entry-title">FIC: ${field(parts, 'title')}</h3>
<span class="poster"><span class="ljuser" lj:user="${field(parts, 'author')}"><a href="x"><b>${field(parts, 'author')}</b></a></span></span>
<span class="datetime">2006-03-04 10:12:00</span>
<div class="entry-content">${header}\n<a name="cutid1"></a>\n${bodyHtml(parts.body)}\n<p>${escape(parts.endMarker)}</p>
<div class="currents">Current Mood: tired</div></div>
<div class="ljtags">Tags: <a rel="tag" href="x">my fic</a></div><div id="comments">Leave a comment</div></div></body></html>\n`
}

function mailbox(parts: StoryParts, charset: string): string {
  const chapters = splitChapters(parts.body)
  const header = fieldList(parts).filter(([label]) => label !== 'Title' && label !== 'Author').map(([label, value]) => `${label}: ${value}`)
  return chapters.map((chapter, index) => {
    const day = String(index + 1)
    const part = chapters.length > 1 ? ` (${String(index + 1)}/${String(chapters.length)})` : ''
    const body = chapter.blocks.map((block) => block.text).join('\n\n')
    return `From ${field(parts, 'author')}@example.org Mon Mar  ${day} 10:12:00 2003
From: ${parts.fields['author'] ?? ''} <${parts.fields['author'] ?? ''}@example.org>
Newsgroups: alt.fan.stories
Subject: [FIC] ${parts.fields['title'] ?? ''}${part}
Date: Mon, ${day} Mar 2003 10:12:00 +0000
Message-ID: <${String(parts.index)}.${day}@example.org>
Content-Type: text/plain; charset=${charset}
Content-Transfer-Encoding: 8bit

${header.join('\n')}

${body}${index === chapters.length - 1 ? `\n\n${parts.endMarker}` : ''}

--
${parts.fields['author'] ?? ''}
`
  }).join('\n')
}

function markdown(parts: StoryParts): string {
  const yaml = (value: string): string => JSON.stringify(value)
  const front = fieldList(parts).map(([label, value]) => `${label.toLowerCase()}: ${yaml(value)}`)
  const blocks = parts.body.map((block) => {
    if (block.kind === 'heading') return `## ${block.text}`
    if (block.kind === 'pov') return `_${block.text}_`
    if (block.kind === 'stanza') return block.text.split('\n').join('  \n')
    if (block.kind === 'break') return '* * *'
    return block.text
  })
  return `---\n${front.join('\n')}\n---\n\n# ${parts.fields['title'] ?? ''}\n\n${blocks.join('\n\n')}\n\n**${parts.endMarker}**\n`
}

function epub(parts: StoryParts): Uint8Array {
  const chapters = splitChapters(parts.body)
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'),
  }
  const items: string[] = []
  const links: string[] = []
  chapters.forEach((chapter, index) => {
    const n = String(index + 1)
    const title = escape(chapter.title ?? `Chapter ${n}`)
    files[`OEBPS/c${n}.xhtml`] = strToU8(`<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title></head><body><h2>${title}</h2>\n${bodyHtml(chapter.blocks)}</body></html>`)
    items.push(`<item id="c${n}" href="c${n}.xhtml" media-type="application/xhtml+xml"/>`)
    links.push(`<li><a href="c${n}.xhtml">${title}</a></li>`)
  })
  files['OEBPS/nav.xhtml'] = strToU8(`<html xmlns="http://www.w3.org/1999/xhtml"><body><nav epub:type="toc"><ol>${links.join('')}</ol></nav></body></html>`)
  files['OEBPS/content.opf'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${field(parts, 'title')}</dc:title><dc:creator>${field(parts, 'author')}</dc:creator>
<dc:subject>${field(parts, 'fandom')}</dc:subject><dc:description>${field(parts, 'summary')}</dc:description><dc:language>en</dc:language></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${items.join('')}</manifest>
<spine>${chapters.map((_, index) => `<itemref idref="c${String(index + 1)}"/>`).join('')}</spine></package>`)
  return zipSync(files, { level: 6 })
}

// One story in ten has encoding trouble: saved as windows-1252, as Shift_JIS (a Japanese story),
// as mojibake (UTF-8 read as windows-1252 and saved again), or half one and half the other.
function pickTrouble(random: Random, shape: StoryShape): Trouble {
  if (!random.chance(0.1)) return 'none'
  if (shape === 'epub') return 'mojibake' // EPUB's XHTML is UTF-8 by rule; only mojibake gets in
  return random.pick(['windows-1252', 'shift_jis', 'mojibake', 'mixed'] as const)
}

function inJapanese(parts: StoryParts, random: Random): StoryParts {
  const body = parts.body.map((block) => (block.kind === 'paragraph' ? { kind: block.kind, text: Array.from({ length: random.int(2, 5) }, () => random.pick(JAPANESE)).join('') } : block))
  return { ...parts, body }
}

function encodeText(text: string, trouble: Trouble): Uint8Array {
  const curly = text.replace(/'/gu, '\u2019').replace(/ -- /gu, ' \u2014 ')
  if (trouble === 'windows-1252') return iconv.encode(curly, 'windows-1252')
  if (trouble === 'shift_jis') return iconv.encode(text, 'shift_jis')
  if (trouble === 'mojibake') return Buffer.from(iconv.decode(Buffer.from(curly, 'utf8'), 'windows-1252'), 'utf8')
  if (trouble === 'mixed') {
    const cut = Math.floor(curly.length / 2)
    return Buffer.concat([Buffer.from(curly.slice(0, cut), 'utf8'), iconv.encode(curly.slice(cut), 'windows-1252')])
  }
  return Buffer.from(text, 'utf8')
}

const CHARSETS: Readonly<Record<Trouble, string>> = {
  none: 'utf-8', 'windows-1252': 'windows-1252', shift_jis: 'Shift_JIS', mojibake: 'utf-8', mixed: 'utf-8',
}

/** A generated story written out in one shape, with the encoding trouble one file in ten has. */
export function writeStoryAs(random: Random, story: StoryParts, shape: StoryShape): GeneratedStory & Readonly<{ trouble: Trouble }> {
  const trouble = pickTrouble(random, shape)
  const parts = trouble === 'shift_jis' ? inJapanese(story, random) : story
  const charset = CHARSETS[trouble]
  const fileName = `story-${String(parts.index).padStart(6, '0')}.${EXTENSIONS[shape]}`
  const texts: Readonly<Record<Exclude<StoryShape, 'epub'>, () => string>> = {
    'plain-text': () => plainText(parts, random),
    html: () => htmlPage(parts, charset),
    'ao3-html': () => ao3Download(parts, charset),
    'fanfiction-net': () => ffnPage(parts, charset),
    efiction: () => efictionPage(parts, charset),
    'journal-post': () => journalPost(parts, charset),
    email: () => mailbox(parts, charset),
    markdown: () => markdown(parts),
  }
  if (shape === 'epub') {
    const mojibake = trouble === 'mojibake' ? mojibakeParts(parts) : parts
    return { fileName, bytes: Buffer.from(epub(mojibake)), words: parts.words, trouble }
  }
  return { fileName, bytes: Buffer.from(encodeText(texts[shape](), trouble)), words: parts.words, trouble }
}

function mojibakeParts(parts: StoryParts): StoryParts {
  const garble = (text: string): string => iconv.decode(Buffer.from(text.replace(/'/gu, '\u2019'), 'utf8'), 'windows-1252')
  return { ...parts, body: parts.body.map((block) => ({ kind: block.kind, text: garble(block.text) })) }
}
