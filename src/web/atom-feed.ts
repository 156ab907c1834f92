// An Atom 1.0 document (RFC 4287), written as text: the few elements a feed of works needs, every
// value escaped. No XML library: what a feed reader needs is small and fixed, and escaping is
// the whole of the risk.

/** A creator as an entry credits them (RFC 4287 §3.2). */
export type AtomPerson = Readonly<{ name: string; uri?: string }>

export type AtomEntry = Readonly<{
  /** A permanent IRI for the entry: the work's absolute address. */
  id: string
  title: string
  /** The work's page. */
  link: string
  /** RFC 3339 date-times. */
  updated: string
  published: string
  authors: readonly AtomPerson[]
  /** HTML, escaped again as the text of `<summary type="html">`. */
  summaryHtml: string
  categories: readonly string[]
}>

export type AtomFeed = Readonly<{
  id: string
  title: string
  /** This document's own absolute address. */
  self: string
  /** The HTML page showing the same works. */
  alternate: string
  updated: string
  author: AtomPerson
  /** The software that wrote the feed. */
  generator: string
  entries: readonly AtomEntry[]
}>

/** The media type feed readers expect (RFC 4287 §7). */
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8'

/** The feed as an XML document in UTF-8. */
export function renderAtomFeed(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('id', feed.id),
    element('title', feed.title),
    element('updated', feed.updated),
    link('self', feed.self, 'application/atom+xml'),
    link('alternate', feed.alternate, 'text/html'),
    person('author', feed.author),
    element('generator', feed.generator),
    ...feed.entries.map(entry),
    '</feed>',
  ]
  return `${lines.join('\n')}\n`
}

function entry(item: AtomEntry): string {
  return [
    '<entry>',
    element('id', item.id),
    element('title', item.title),
    link('alternate', item.link, 'text/html'),
    element('published', item.published),
    element('updated', item.updated),
    ...item.authors.map((author) => person('author', author)),
    `<summary type="html">${escapeXml(item.summaryHtml)}</summary>`,
    ...item.categories.map((term) => `<category term="${escapeXml(term)}"/>`),
    '</entry>',
  ].join('\n')
}

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`
}

function link(rel: string, href: string, type: string): string {
  return `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`
}

function person(role: string, who: AtomPerson): string {
  const uri = who.uri === undefined ? '' : element('uri', who.uri)
  return `<${role}>${element('name', who.name)}${uri}</${role}>`
}

// XML 1.0 allows tab, line feed, carriage return and U+0020 up, less lone surrogates and
// U+FFFE/U+FFFF. A legacy file can hold a stray control character; one would make the whole
// feed unreadable, so it goes.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Text safe in XML content and in a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/gu, (character) => ESCAPES[character] ?? '')
}

/** A YYYY-MM-DD day as the RFC 3339 date-time Atom needs: its start, in UTC. */
export function atomDate(day: string): string {
  return `${day.slice(0, 10)}T00:00:00Z`
}
