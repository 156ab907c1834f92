// A strict reader for the XML our feeds write: elements, attributes, text and the five named
// entities plus numeric references. Anything else (a stray "<" or "&", an unclosed or mismatched
// tag, a second root, comments, CDATA, DOCTYPE) throws, so a test fails on markup that a real
// feed reader would reject. No XML library is installed, and this subset is all a feed needs.

export type XmlElement = Readonly<{
  name: string
  attributes: Readonly<Record<string, string>>
  children: ReadonlyArray<XmlElement | string>
}>

const NAME = /[A-Za-z_][\w.:-]*/uy
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The document's root element; throws with the offset of the first thing that is not XML. */
export function parseXml(xml: string): XmlElement {
  let at = 0
  const fail = (what: string): never => {
    throw new Error(`XML at ${String(at)}: ${what} near ${JSON.stringify(xml.slice(at, at + 30))}`)
  }
  const name = (): string => {
    NAME.lastIndex = at
    const found = NAME.exec(xml)?.[0] ?? fail('expected a name')
    at += found.length
    return found
  }
  const space = () => {
    while (/\s/u.test(xml[at] ?? '')) at += 1
  }
  const decode = (raw: string): string => {
    if (raw.includes('<')) fail('a raw "<" in text or an attribute')
    return raw.replace(/&([^;]*);?/gu, (whole, entity: string) => {
      if (!whole.endsWith(';')) return fail(`an "&" that starts no entity: ${whole}`)
      const numeric = /^#(?:x([0-9a-fA-F]+)|(\d+))$/u.exec(entity)
      if (numeric !== null) return String.fromCodePoint(parseInt(numeric[1] ?? numeric[2] ?? '', numeric[1] === undefined ? 10 : 16))
      return ENTITIES[entity] ?? fail(`an unknown entity &${entity};`)
    })
  }
  const element = (): XmlElement => {
    if (xml[at] !== '<') fail('expected "<"')
    at += 1
    const tag = name()
    const attributes: Record<string, string> = {}
    for (;;) {
      space()
      if (xml.startsWith('/>', at)) {
        at += 2
        return { name: tag, attributes, children: [] }
      }
      if (xml[at] === '>') break
      const attribute = name()
      if (attribute in attributes) fail(`attribute ${attribute} given twice`)
      space()
      if (xml[at] !== '=') fail('expected "="')
      at += 1
      space()
      const quote = xml[at]
      if (quote !== '"' && quote !== "'") return fail('expected a quoted value')
      const end = xml.indexOf(quote, at + 1)
      if (end < 0) fail('an unclosed attribute value')
      attributes[attribute] = decode(xml.slice(at + 1, end))
      at = end + 1
    }
    at += 1
    const children: Array<XmlElement | string> = []
    for (;;) {
      const next = xml.indexOf('<', at)
      if (next < 0) fail(`an unclosed <${tag}>`)
      if (next > at) children.push(decode(xml.slice(at, next)))
      at = next
      if (xml.startsWith('</', at)) {
        at += 2
        if (name() !== tag) fail(`a closing tag that does not match <${tag}>`)
        space()
        if (xml[at] !== '>') fail('expected ">"')
        at += 1
        return { name: tag, attributes, children }
      }
      if (xml.startsWith('<!', at) || xml.startsWith('<?', at)) fail('markup this reader does not accept')
      children.push(element())
    }
  }
  if (xml.startsWith('<?xml', at)) {
    const end = xml.indexOf('?>', at)
    if (end < 0) fail('an unclosed XML declaration')
    at = end + 2
  }
  space()
  const root = element()
  space()
  if (at !== xml.length) fail('content after the root element')
  return root
}

/** The child elements named `name`. */
export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name)
}

/** The one child element named `name`; throws when there is none or several. */
export function childNamed(parent: XmlElement, name: string): XmlElement {
  const found = childrenNamed(parent, name)
  const [only] = found
  if (only === undefined || found.length > 1) {
    throw new Error(`<${parent.name}> has ${String(found.length)} <${name}>, expected one`)
  }
  return only
}

/** An element's text, decoded, its child elements' text included. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('')
}
