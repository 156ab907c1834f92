import { strToU8, zipSync } from 'fflate'

/** A file as the fuzz run feeds it to rescue: its name (formats look at it) and its bytes. */
export type FuzzInput = Readonly<{ name: string; bytes: Uint8Array }>

/** A seed story: a small, well-formed file in one of the shapes rescue reads. */
export type FuzzSeed = Readonly<{ format: string; name: string; text: string }>

// Invented stories, each trimmed to the markup its format's reader looks for.
const PROSE = [
  'The tide came in over the causeway an hour early, and Ines watched it take the last of the lamps.',
  '"You said the boat would wait," said Odile. "You said it twice."',
  'Nobody on the island had ever kept a promise about boats, and everybody knew it.',
]

const PLAIN = `Title: The Causeway
Author: Wren Alder
Fandom: Harbour Lights
Rating: PG-13
Pairing: Ines/Odile
Summary: A tide, a lamp, and a promise about boats.
Disclaimer: Not mine, no money made.
A/N: For the winter exchange.

* * *

${PROSE.join('\n\n')}

~~~

Chapter 2: Low Water

${PROSE.slice().reverse().join('\n\n')}

The End
`

const HTML = `<!DOCTYPE html>
<html><head><title>The Causeway</title><style>p { margin: 0 }</style></head>
<body><center><b>Title:</b> The Causeway<br><b>Author:</b> Wren Alder<br>
<b>Rating:</b> PG-13<br><b>Fandom:</b> Harbour Lights</center>
<hr><p>${PROSE[0] ?? ''}</p><p><i>${PROSE[1] ?? ''}</i></p>
<pre>  the lamps went out
    one by one</pre>
<table><tr><td>${PROSE[2] ?? ''}</td></tr></table>
<p><a href="index.html">Back</a> | <a href="next.html">Next</a></p></body></html>
`

const AO3 = `<!DOCTYPE html><html><head><meta charset="UTF-8"><title>The Causeway - Wren Alder</title></head>
<body><div id="preface"><h2 class="toc-heading">Preface</h2><div class="meta">
<dl class="tags"><dt>Rating:</dt><dd><a href="x">Teen And Up Audiences</a></dd>
<dt>Archive Warning:</dt><dd><a href="x">No Archive Warnings Apply</a></dd>
<dt>Fandom:</dt><dd><a href="x">Harbour Lights</a></dd>
<dt>Relationship:</dt><dd><a href="x">Ines/Odile</a></dd>
<dt>Stats:</dt><dd>Published: 2019-04-02 Completed: 2019-05-14 Words: 120 Chapters: 2/2</dd></dl>
<h1>The Causeway</h1><div class="byline">by <a rel="author" href="x">Wren Alder</a></div>
<p>Summary</p><blockquote class="userstuff"><p>A tide, a lamp, and a promise.</p></blockquote>
</div></div>
<div id="chapters"><div class="meta group"><h2 class="heading">Chapter 1: High Water</h2>
<p>Chapter Notes</p><blockquote class="userstuff"><p>Thanks to my beta.</p></blockquote></div>
<div class="userstuff"><p>${PROSE[0] ?? ''}</p><p>${PROSE[1] ?? ''}</p></div>
<div class="meta group" id="endnotes1"><p>Chapter End Notes</p><blockquote class="userstuff"><p>More soon.</p></blockquote></div>
<h2 class="heading">Chapter 2: Low Water</h2><div class="userstuff"><p>${PROSE[2] ?? ''}</p></div></div>
<div id="afterword"><div id="endnotes"><p>End Notes</p><blockquote class="userstuff"><p>Thank you for reading.</p></blockquote></div></div>
</body></html>
`

const FFN = `<html><body><div id="pre_story_links"><a href="/tv/">TV Shows</a> » <a href="/tv/Harbour-Lights/">Harbour Lights</a></div>
<div id="profile_top"><b class="xcontrast_txt">The Causeway</b> By: <a href="/u/123/Wren-Alder">Wren Alder</a>
<div class="xcontrast_txt">A tide, a lamp, and a promise about boats.</div>
<span class="xgray">Rated: Fiction T - English - Romance/Hurt/Comfort - [Ines, Odile] Marguerite - Chapters: 2 - Words: 1,234 - Updated: <span data-xutime="1236000000">3/2/2009</span> - Published: <span data-xutime="1231000000">1/5/2009</span> - id: 42</span></div>
<select id="chap_select"><option value="1">1. High Water</option><option value="2" selected>2. Low Water</option></select>
<div id="storytext"><p>${PROSE[0] ?? ''}</p><p>${PROSE[1] ?? ''}</p><hr><p>${PROSE[2] ?? ''}</p></div>
<div id="review">Review</div></body></html>
`

const EFICTION = `<html><body><div id="pagetitle"><a href="viewstory.php?sid=7">The Causeway</a> by <a href="viewuser.php?uid=3">Wren Alder</a></div>
<div class="content"><span class="label">Summary:</span> A tide, a lamp.<br>
<span class="label">Rated:</span> PG-13 <span class="label">Categories:</span> Harbour Lights &gt; Het
<span class="label">Characters:</span> Ines, Odile<br><span class="label">Completed:</span> Yes
<span class="label">Word count:</span> 1234 <span class="label">Published:</span> 04/02/2009</div>
<div id="chaptertitle">High Water by Wren Alder</div><div class="notes">Author's Notes: Thanks, beta.</div>
<div id="story"><p>${PROSE[0] ?? ''}</p><p>${PROSE[1] ?? ''}</p></div>
<select><option selected>1. High Water</option><option>2. Low Water</option></select></body></html>
`

const JOURNAL = `<html><body><div class="entry"><h3 class="entry-title">FIC: The Causeway (Harbour Lights, Ines/Odile, PG-13)</h3>
<span class="poster"><span class="ljuser" lj:user="wrenalder"><a href="https://wrenalder.livejournal.com/"><b>wrenalder</b></a></span></span>
<span class="datetime">2006-03-04 10:12:00</span>
<div class="entry-content"><b>Title:</b> The Causeway<br><b>Rating:</b> PG-13<br><b>Summary:</b> A tide.<br>
<a name="cutid1"></a><p>${PROSE[0] ?? ''}</p><p>${PROSE[1] ?? ''}</p><div class="currents">Current Mood: tired</div></div>
<div class="tag"><a rel="tag" href="x">fandom: harbour lights</a>, <a rel="tag" href="x">my fic</a></div>
<div id="comments">Leave a comment</div></div></body></html>
`

const mailPart = (part: number, day: number): string => `From wren@example.org Mon Mar  ${String(day)} 10:12:00 2003
From: Wren Alder <wren@example.org>
Newsgroups: alt.fan.harbour-lights
Subject: [FIC] The Causeway (${String(part)}/2) PG-13
Date: Mon, ${String(day)} Mar 2003 10:12:00 +0000
Message-ID: <${String(part)}.causeway@example.org>
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: quoted-printable

Title: The Causeway
Pairing: Ines/Odile

${PROSE.join('\n\n')} caf=E9 ma=F1ana

>From the pier it looked closer.

--=20
Wren
`

const MARKDOWN = `---
title: "The Causeway"
author: Wren Alder
rating: PG-13
fandom: [Harbour Lights]
tags:
  - c: Ines
  - p: Ines/Odile
summary: |
  A tide, a lamp,
  and a promise about boats.
---

# The Causeway

${PROSE[0] ?? ''} **Twice.** _Early._

* * *

> ${PROSE[1] ?? ''}

${PROSE[2] ?? ''} [more](https://example.org)
`

const JAPANESE = `タイトル: 潮の道
作者: 鷺

潮はいつもより一時間早く満ちて、イネスは最後の灯りが沈むのを見ていた。

「船は待つと言ったでしょう」とオディールは言った。「二度も」

* * *

島の誰も、船についての約束を守ったことはなかった。
`

/** The seed stories, one or more per format rescue reads (EPUB separately, as bytes). */
export const SEEDS: readonly FuzzSeed[] = [
  { format: 'plain-text', name: 'old-site/causeway.txt', text: PLAIN },
  { format: 'plain-text', name: 'old-site/shio.txt', text: JAPANESE },
  { format: 'html', name: 'old-site/causeway.html', text: HTML },
  { format: 'ao3-html', name: 'downloads/The_Causeway.html', text: AO3 },
  { format: 'fanfiction-net', name: 'ffn/s-42-2.htm', text: FFN },
  { format: 'efiction', name: 'efiction/viewstory.php', text: EFICTION },
  { format: 'journal-post', name: 'lj/12345.html', text: JOURNAL },
  { format: 'email', name: 'lists/causeway.mbox', text: `${mailPart(2, 4)}\n${mailPart(1, 3)}` },
  { format: 'markdown', name: 'site/_posts/causeway.md', text: MARKDOWN },
]

const EPUB_CONTAINER = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`

function epubOpf(chapters: number): string {
  const items = Array.from({ length: chapters }, (_, index) => {
    const n = String(index + 1)
    return `<item id="c${n}" href="text/c${n}.xhtml" media-type="application/xhtml+xml"/>`
  }).join('')
  const spine = Array.from({ length: chapters }, (_, index) => `<itemref idref="c${String(index + 1)}"/>`).join('')
  return `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Causeway</dc:title><dc:creator>Wren Alder</dc:creator>
<dc:subject>Harbour Lights</dc:subject><dc:description>&lt;p&gt;A tide, a lamp.&lt;/p&gt;</dc:description>
<dc:language>en</dc:language><dc:date>2019-04-02T00:00:00Z</dc:date></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${items}</manifest>
<spine>${spine}</spine></package>`
}

function epubNav(chapters: number): string {
  const links = Array.from({ length: chapters }, (_, index) => {
    const n = String(index + 1)
    return `<li><a href="text/c${n}.xhtml">Chapter ${n}: Water ${n}</a></li>`
  }).join('')
  return `<html xmlns="http://www.w3.org/1999/xhtml"><body><nav epub:type="toc"><ol>${links}</ol></nav></body></html>`
}

/** An EPUB chapter's XHTML; fuzzing mutates this before the book is zipped. */
export function epubChapter(index: number): string {
  return `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Water</title></head>
<body><h2>Chapter ${String(index + 1)}</h2>${PROSE.map((text) => `<p>${text}</p>`).join('')}<hr/></body></html>`
}

/** An EPUB 3 book as fflate zips it: `mimetype` first and stored, as OCF requires. */
export function buildEpub(chapterTexts: readonly string[], level: 0 | 6 = 6): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(EPUB_CONTAINER),
    'OEBPS/content.opf': strToU8(epubOpf(chapterTexts.length)),
    'OEBPS/nav.xhtml': strToU8(epubNav(chapterTexts.length)),
  }
  chapterTexts.forEach((text, index) => {
    files[`OEBPS/text/c${String(index + 1)}.xhtml`] = strToU8(text)
  })
  return zipSync(files, { level })
}
