import { Parser } from 'htmlparser2'

/** An XML element: its local name in lower case ("dc:title" is "title"), attributes, children. */
export type XmlElement = Readonly<{
  name: string
  /** Keyed by local name in lower case: `opf:role` and `role` are both "role". */
  attributes: Readonly<Record<string, string>>
  children: readonly XmlNode[]
}>
export type XmlNode = XmlElement | string

type OpenElement = { name: string; attributes: Record<string, string>; children: XmlNode[] }

// Deeper elements are read as text of the element at this depth, so that a crafted book cannot
// overflow the stack of the recursive walks below.
const DEPTH_MAX = 200

// EPUB's package, container, NCX and navigation files mix namespaces (dc:, opf:, epub:) that
// their readers match by local name; no two names this code looks for differ only by prefix.
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase()
}

/** Parses an XML document leniently (a document root holds the top elements). */
export function parseXml(text: string): XmlElement {
  const root: OpenElement = { name: '#document', attributes: {}, children: [] }
  const open: OpenElement[] = [root]
  let flattened = 0
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (open.length > DEPTH_MAX) {
          flattened += 1
          return
        }
        const element: OpenElement = { name: localName(name), attributes: {}, children: [] }
        for (const [key, value] of Object.entries(attributes)) {
          element.attributes[localName(key)] ??= value
        }
        open[open.length - 1]?.children.push(element)
        open.push(element)
      },
      onclosetag() {
        if (flattened > 0) flattened -= 1
        else if (open.length > 1) open.pop()
      },
      ontext(text) {
        open[open.length - 1]?.children.push(text)
      },
    },
    { xmlMode: true, decodeEntities: true },
  )
  parser.write(text)
  parser.end()
  return root
}

function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string'
}

/** Child elements named `name` (every child element when `name` is '*'). */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter(isElement).filter((child) => name === '*' || child.name === name)
}

/** Every element named `name` under `element`, in document order. */
export function findElements(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = []
  const visit = (node: XmlElement): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue
      if (child.name === name) found.push(child)
      visit(child)
    }
  }
  visit(element)
  return found
}

/** The text inside an element, white space as written. */
export function rawText(element: XmlElement): string {
  return element.children.map((child) => (isElement(child) ? rawText(child) : child)).join('')
}

/** The text inside an element with runs of white space folded to one space. */
export function elementText(element: XmlElement): string {
  return rawText(element).replace(/\s+/gu, ' ').trim()
}

function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;')
}

/** An element's content written back as markup, for XHTML held inside metadata. */
export function innerMarkup(element: XmlElement): string {
  return element.children
    .map((child) => {
      if (!isElement(child)) return escapeXml(child)
      const attributes = Object.entries(child.attributes)
        .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
        .join('')
      return `<${child.name}${attributes}>${innerMarkup(child)}</${child.name}>`
    })
    .join('')
}
