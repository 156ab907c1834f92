import { DomHandler, DomUtils, Parser, type parseDocument } from 'htmlparser2'
import { createTextReader, type TextReader } from './html-to-text.js'

/** A parsed page, and one element of it (htmlparser2 names these types only through domhandler). */
export type PageDocument = ReturnType<typeof parseDocument>
export type PageElement = ReturnType<typeof DomUtils.findAll>[number]
export type PageNode = PageDocument | PageElement

// Chrome's parser nests elements at most 512 deep (kMaximumHTMLParserDOMTreeDepth in Blink's
// HTMLConstructionSite). Past that depth tags are dropped and their text stays in the deepest
// element, so reading the tree (its text, its markup) never runs out of stack on a page of
// 20,000 unclosed <div>s.
const DEPTH_MAX = 512

class DepthCappedHandler extends DomHandler {
  #dropped = 0

  override onopentag(name: string, attribs: Record<string, string>): void {
    // tagStack holds the root too; the parser closes tags in the reverse order it opened them,
    // so the dropped ones are the next to close.
    if (this.tagStack.length > DEPTH_MAX) this.#dropped += 1
    else super.onopentag(name, attribs)
  }

  override onclosetag(): void {
    if (this.#dropped > 0) this.#dropped -= 1
    else super.onclosetag()
  }
}

/** Parses a saved page as a browser would read its tags, with entities decoded. */
export function parsePage(html: string): PageDocument {
  const options = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  const handler = new DepthCappedHandler()
  new Parser(handler, options).end(html)
  return handler.root
}

/** Whether an element's class attribute holds the class `name`. */
export function hasClass(element: PageElement, name: string): boolean {
  return (element.attribs['class'] ?? '').split(/\s+/u).includes(name)
}

/** Every element under `root` that passes `test`, in document order. */
export function findAll(root: PageNode, test: (element: PageElement) => boolean): PageElement[] {
  return DomUtils.findAll(test, root.children)
}

/** The first element under `root` that passes `test`. */
export function findFirst(
  root: PageNode,
  test: (element: PageElement) => boolean,
): PageElement | undefined {
  return DomUtils.findOne(test, root.children) ?? undefined
}

/** The element with the id `id`. */
export function byId(root: PageNode, id: string): PageElement | undefined {
  return findFirst(root, (element) => element.attribs['id'] === id)
}

/** The first element with the class `name`, optionally of one tag. */
export function byClass(root: PageNode, name: string, tag?: string): PageElement | undefined {
  return findFirst(root, (element) => hasClass(element, name) && (tag === undefined || element.name === tag))
}

/** The element children of a node, without text and comments. */
export function childElements(node: PageNode): PageElement[] {
  return node.children.filter((child) => DomUtils.isTag(child))
}

/** The next element after `element` among its siblings. */
export function nextElement(element: PageElement): PageElement | undefined {
  return DomUtils.nextElementSibling(element) ?? undefined
}

/** An element's text on one line, white space collapsed (for names, labels and short values). */
export function inlineText(node: PageNode): string {
  return DomUtils.textContent(node).replace(/\s+/gu, ' ').trim()
}

/**
 * An element's text as its reader saw it: blocks, `<br>` lines, `<hr>` breaks (html-to-text),
 * read by walking the parsed page, as the parser would have told it (no second parse).
 */
export function blockText(node: PageNode): string {
  const reader = createTextReader()
  walkNode(node, reader)
  return reader.finish().trim()
}

// The tree is at most DEPTH_MAX deep, so walking it by recursion cannot run out of stack.
function walkNode(node: PageNode | PageDocument['children'][number], reader: TextReader): void {
  if (DomUtils.isText(node)) {
    reader.ontext(node.data)
  } else if (DomUtils.isTag(node)) {
    reader.onopentag(node.name, node.attribs)
    for (const child of node.children) walkNode(child, reader)
    reader.onclosetag(node.name)
  } else if (DomUtils.hasChildren(node)) {
    for (const child of node.children) walkNode(child, reader)
  }
}

/** An element's paragraphs, each on one line: for notes and summaries kept in header fields. */
export function paragraphsOf(element: PageElement | undefined): string[] {
  if (element === undefined) return []
  return blockText(element)
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.replace(/\s+/gu, ' ').trim())
    .filter((paragraph) => paragraph !== '' && paragraph !== '* * *')
}

/** Takes elements out of the page, so their text reaches no section. */
export function removeElements(elements: readonly PageElement[]): void {
  for (const element of elements) DomUtils.removeElement(element)
}

/** Elements that pass `test` and sit inside no other that does, in document order. */
export function findOutermost(
  root: PageNode,
  test: (element: PageElement) => boolean,
): PageElement[] {
  const found: PageElement[] = []
  const visit = (node: PageNode): void => {
    for (const child of childElements(node)) {
      if (test(child)) found.push(child)
      else visit(child)
    }
  }
  visit(root)
  return found
}
