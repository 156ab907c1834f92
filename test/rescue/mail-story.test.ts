import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { readMailStory } from '../../src/rescue/mail-message.js'
import { readMailSubject } from '../../src/rescue/mail-subject.js'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'
import { PROSE, rescueText, sectionsOf, rescueFailure, onlyRescueErrors } from './rescue-text.js'


// A post to a list as a 2003 mail client sent it: folded subject, an encoded sender name,
// quoted-printable windows-1252 (0x92 is a curly apostrophe), a quoted reply, a signature and
// the list's footer.
const LIST_POST = [
  'Return-Path: <wren@example.org>',
  'Message-ID: <20030303101200.4411@example.org>',
  'From: =?windows-1252?Q?Wren_Ad=E1ir?= <wren@example.org>',
  'To: harbourfic@lists.example.net',
  'Subject: [harbourfic] [FIC] Harbour Lights (1/1)',
  '\t[PG-13] Lois/Clark',
  'Date: Mon, 3 Mar 2003 10:12:00 -0500',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset="windows-1252"',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Fandom: Smallville',
  'Summary: Lois waits for the ferry and thinks about what she didn=92t say.',
  '',
  'On Sun, 2 Mar 2003, Hollis Grey <hollis@example.com> wrote:',
  '> Will you post the ferry one today?',
  '',
  'The ferry was late again, and Lois had counted the lights along the harbour =',
  'wall twice before she admitted she wasn=92t counting lights at all.',
  '',
  'She turned up her collar. Somewhere behind her a door opened and closed, and she did not look round.',
  '',
  '"You came," she said, and Clark only nodded.',
  '',
  '-- ',
  'Wren',
  'http://wren.example.org/fic/',
  '',
  '_______________________________________________',
  'harbourfic mailing list',
  'To unsubscribe, send a message to harbourfic-leave@lists.example.net',
].join('\r\n')

function part(n: number, of: number, title: string, day: number): string {
  return [
    `From wren@example.org Mon Mar ${String(day)} 10:12:00 2003`,
    'From: Wren Adair <wren@example.org>',
    `Subject: FIC: ${title} ${String(n)}/${String(of)} [PG]`,
    `Date: Mon, ${String(day)} Mar 2003 10:12:00 -0500`,
    '',
    `Title: ${title}`,
    'Author: Wren Adair',
    '',
    `Part ${String(n)} opens here. ${PROSE.split('\n\n')[n % 4] ?? ''}`,
    '',
    '>From the pier the lights looked closer than they were.',
    '',
  ].join('\n')
}

describe('an e-mail message', () => {
  it('reads title, part, rating and pairing from a list subject', () => {
    expect(readMailSubject('[FIC] Harbour Lights (2/5) PG-13')).toMatchObject({
      title: 'Harbour Lights', part: 2, of: 5, rating: 'PG-13', isReply: false,
    })
    expect(readMailSubject('FIC: Harbour Lights 2/5 [PG-13]')).toMatchObject({ title: 'Harbour Lights', part: 2, of: 5, rating: 'PG-13' })
    expect(readMailSubject('Re: Fwd: [sv-fic] NEW: Salt Road, Part 3 of 4 (R) [Chloe/Lex]')).toMatchObject({
      title: 'Salt Road', part: 3, of: 4, rating: 'R', pairing: 'Chloe/Lex', isReply: true,
    })
    expect(readMailSubject('Agent X (1/1)')).toMatchObject({ title: 'Agent X', rating: null })
  })

  it('becomes a work with the fields of its header, its charset and no quote, signature or footer', () => {
    const rescued = rescueText(LIST_POST, 'lists/harbour.eml')
    const { work } = rescued
    expect(rescued.report.format).toBe('email')
    expect(work.title).toBe('Harbour Lights')
    expect(work.creators).toEqual(['Wren Adáir'])
    expect(work.rating).toBe('teen')
    expect(work.ratingOriginal).toBe('PG-13')
    expect(work.relationships).toEqual([expect.objectContaining({ name: 'Lois/Clark', platonic: false })])
    expect(work.fandoms).toEqual(['Smallville'])
    expect(work.summary).toBe('Lois waits for the ferry and thinks about what she didn\u2019t say.')
    expect(work.posted).toBe('2003-03-03')
    expect(work.chapters).toHaveLength(1)
    expect(sectionsOf(rescued, 'paragraph')).toEqual([
      'The ferry was late again, and Lois had counted the lights along the harbour wall twice before she admitted she wasn\u2019t counting lights at all.',
      'She turned up her collar. Somewhere behind her a door opened and closed, and she did not look round.',
      '"You came," she said, and Clark only nodded.',
    ])
    const shown = JSON.stringify(work)
    for (const gone of ['@', 'wrote:', 'post the ferry', 'wren.example.org', 'unsubscribe', 'mailing list', 'harbourfic']) {
      expect(shown).not.toContain(gone)
    }
  })

  it('keeps the story header the body states over what the message says', () => {
    const text = [
      'From: "Doe, Jane" <jane@example.org>',
      'Newsgroups: alt.fan.lighthouse.creative',
      'Subject: [FIC] Lamp Oil (1/1) G',
      'Date: 4 Apr 1999 08:00:00 GMT',
      '',
      'Title: The Keeper\u2019s Lamp',
      'Author: Jane Keeper',
      'Rating: NC-17',
      '',
      'In article <lamp-12@news.example.net>, Hollis Grey <hollis@example.com> wrote:',
      '>> Is there more?',
      '> Soon, I hope.',
      '',
      PROSE,
    ].join('\n')
    const { work } = rescueText(text, 'keeper.txt')
    expect(JSON.stringify(work)).not.toMatch(/In article|Is there more|Soon, I hope/u)
    expect(work.title).toBe('The Keeper\u2019s Lamp')
    expect(work.creators).toEqual(['Jane Keeper'])
    expect(work.rating).toBe('explicit')
    expect(work.posted).toBe('1999-04-04')
  })

  it('reads story fields pasted straight under the mail header', () => {
    const text = `From: Wren Adair <wren@example.org>\nSubject: [FIC] Lamp Oil (1/1) G\nRating: R\nStatus: RO\n\n${PROSE}\n`
    const rescued = rescueText(text, 'lamp.txt')
    expect(rescued.work.rating).toBe('mature')
    expect(rescued.report.unrecognised).toEqual([])
  })

  it('never gives an address as the author', () => {
    const post = (from: string) => `From: ${from}\nSubject: [FIC] Lamp Oil (1/1)\nDate: 4 Apr 1999 08:00:00 GMT\n\n${PROSE}\n`
    expect(rescueText(post('jane@example.org (Jane Keeper)'), 'a.txt').work.creators).toEqual(['Jane Keeper'])
    expect(rescueText(post('"jane@example.org" <jane@example.org>'), 'b.txt').work.creators).toEqual([])
    expect(rescueText(post('jane@example.org'), 'c.txt').work.creators).toEqual([])
    expect(rescueText(post("'Jane Keeper' via Lamp List <lamp@example.net>"), 'd.txt').work.creators).toEqual(['Jane Keeper'])
  })

  it('reads RFC 2047 base64 subjects and a base64 text part of a multipart/alternative', () => {
    const story = Buffer.from(`Quand la marée monte, elle attend sur la jetée.\n\n${PROSE}\n`, 'utf8').toString('base64')
    const text = [
      'From: =?UTF-8?B?TWFyaWUgTMOpdnk=?= <marie@example.fr>',
      'Subject: =?UTF-8?B?W0ZJQ10gTGEgSmV0w6ll?= (1/1)',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      'This is a multi-part message in MIME format.',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      ...story.match(/.{1,76}/gu) ?? [],
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>HTML copy that must not be read</p>',
      '--b1--',
    ].join('\n')
    const rescued = rescueText(text, 'jetee.eml')
    expect(rescued.work.title).toBe('La Jetée')
    expect(rescued.work.creators).toEqual(['Marie Lévy'])
    expect(sectionsOf(rescued, 'paragraph')[0]).toBe('Quand la marée monte, elle attend sur la jetée.')
    expect(JSON.stringify(rescued.work)).not.toContain('HTML copy')
  })

  it('reads the HTML part when a message has no plain text', () => {
    const text = [
      'From: Wren Adair <wren@example.org>',
      'Subject: [FIC] Tide Tables',
      'Content-Type: text/html; charset=windows-1252',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<html><body><p>The tide tables were wrong, and she didn=92t care.</p><hr><p>Later, the boats came home.</p></body></html>',
    ].join('\n')
    const rescued = rescueText(text, 'tide.eml')
    expect(rescued.work.title).toBe('Tide Tables')
    expect(sectionsOf(rescued, 'paragraph')).toEqual(['The tide tables were wrong, and she didn\u2019t care.', 'Later, the boats came home.'])
  })

  it('joins an mbox of parts posted out of order into one chapter per part, in order', () => {
    const mbox = [part(3, 3, 'Salt Road', 5), part(1, 3, 'Salt Road', 3), part(2, 3, 'Salt Road', 4)].join('\n')
    const rescued = rescueText(mbox, 'lists/salt-road.mbox')
    const { work } = rescued
    expect(rescued.report.format).toBe('email')
    expect(work.title).toBe('Salt Road')
    expect(work.creators).toEqual(['Wren Adair'])
    expect(work.rating).toBe('general')
    expect(work.posted).toBe('2003-03-03')
    expect(work.updated).toBe('2003-03-05')
    expect(work.chapters.map((chapter) => chapter.sections[0]?.text.slice(0, 17))).toEqual([
      'Part 1 opens here', 'Part 2 opens here', 'Part 3 opens here',
    ])
    // The ">From" an mbox wrote for a body line starting "From " is the author's "From".
    expect(sectionsOf(rescued, 'paragraph')).toContain('From the pier the lights looked closer than they were.')
    expect(JSON.stringify(work.chapters)).not.toMatch(/Title:|Author:/u)
    expect(rescued.report.issues.map((issue) => issue.code)).not.toContain('QUIRE_RESCUE_MISSING_PARTS')
  })

  it('reports the parts an mbox is missing instead of hiding the gap', () => {
    const mbox = [part(1, 4, 'Salt Road', 3), part(4, 4, 'Salt Road', 6), part(2, 4, 'Salt Road', 4)].join('\n')
    const rescued = rescueText(mbox, 'salt-road.mbox')
    expect(rescued.work.chapters).toHaveLength(3)
    expect(rescued.report.issues).toContainEqual({
      code: 'QUIRE_RESCUE_MISSING_PARTS',
      line: 0,
      field: 'chapters',
      message: 'part 3 of 4 is missing: the file holds only parts 1, 2 and 4',
    })
  })

  it('refuses an mbox of two different stories by name', () => {
    const mbox = [part(1, 1, 'Salt Road', 3), part(1, 1, 'Harbour Lights', 4)].join('\n')
    const error = rescueFailure(mbox, 'lists/march.mbox')
    expect(error.code).toBe('QUIRE_RESCUE_MANY_STORIES')
    expect(error.message).toBe(
      'lists/march.mbox:13: is a mailbox of 2 different stories ("Salt Road", "Harbour Lights"); rescue each story from a file of its own',
    )
  })

  it('leaves replies to a story out of the mbox that holds it', () => {
    const reply = [
      'From hollis@example.com Tue Mar  4 09:00:00 2003',
      'From: Hollis Grey <hollis@example.com>',
      'Subject: Re: FIC: Salt Road 1/2 [PG]',
      '',
      'Loved it! More please.',
      '',
    ].join('\n')
    const rescued = rescueText([part(1, 2, 'Salt Road', 3), reply, part(2, 2, 'Salt Road', 5)].join('\n'), 'salt.mbox')
    expect(rescued.work.chapters).toHaveLength(2)
    expect(JSON.stringify(rescued.work)).not.toContain('More please')
  })

  it('is still plain text when a story only has a "From:" line in it', () => {
    const letter = `Title: Letters Home\n\nThe envelope was worn soft.\n\nFrom: Mother\nSubject: your brother\n\n${PROSE}\n`
    expect(rescueText(letter).report.format).toBe('plain-text')
    const memo = `From: Captain Reyes\nTo: All hands\nSubject: Shore leave\n\n${PROSE}\n`
    expect(rescueText(memo, 'shore-leave.txt').report.format).toBe('plain-text')
    const from = `From the lighthouse, everything looked small.\nDate: unknown\n\n${PROSE}\n`
    expect(rescueText(from).report.format).toBe('plain-text')
  })

  it('decodes the windows-1252 bytes of an 8-bit message read as a whole file', () => {
    const text = `From: Wren Adair <wren@example.org>\nSubject: [FIC] Caf\u00e9 Noir (1/1)\n\nShe didn\u2019t order. ${PROSE}\n`
    const rescued = rescuePlainText(iconv.encode(text, 'windows-1252'), 'cafe.eml')
    expect(rescued.work.title).toBe('Caf\u00e9 Noir')
    expect(rescued.work.chapters[0]?.sections[0]?.text).toMatch(/^She didn\u2019t order\./u)
  })

  it('never throws anything but a RescueError, whatever the text', () => {
    const piece = fc.oneof(
      fc.constantFrom('From: a <b@c.d>\n', 'Subject: [FIC] X (1/2)\n', 'From x@y Mon Mar 3 10:00:00 2003\n', '\n',
        'Content-Type: multipart/mixed; boundary=q\n', '--q\n', '--q--\n', 'Content-Transfer-Encoding: base64\n',
        '=?utf-8?B?', '=?x?Q?=E9?=', '> quoted\n', '-- \n', 'Message-ID: <a@b>\n', '=\n', '=4'),
      fc.string({ maxLength: 30 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('a.eml', 'a.txt', 'a.mbox'), (pieces, name) => {
        onlyRescueErrors(() => readMailStory(pieces.join(''), name))
      }),
      { numRuns: 400 },
    )
  })
})
