import type { CrisisContact } from '../../safety/crisis-resources.js'

/** A number as a phone dials it: "116 123" is "116123", "+46 (0)8" keeps its plus. */
function dialable(number: string): string {
  return number.replace(/[^\d+]/gu, '')
}

/** One way to reach a service, as a link a phone can follow: tel:, sms: or the chat page. */
export function CrisisContactLine({ contact }: { readonly contact: CrisisContact }) {
  switch (contact.kind) {
    case 'call':
      return (
        <>
          Call{' '}
          <a href={`tel:${dialable(contact.number)}`} safe>
            {contact.number}
          </a>
          {contact.note !== undefined && <span safe>{` (${contact.note})`}</span>}
        </>
      )
    case 'text': {
      const keyword = contact.keyword === undefined ? '' : `${contact.keyword} to `
      // A keyword goes in the message body, so a tap on the number fills it in.
      const body = contact.keyword === undefined ? '' : `?body=${encodeURIComponent(contact.keyword)}`
      const href =
        contact.via === 'sms'
          ? `sms:${dialable(contact.number)}${body}`
          : `https://wa.me/${dialable(contact.number).replace('+', '')}`
      return (
        <>
          <span safe>{`${contact.via === 'sms' ? 'Text' : 'WhatsApp'} ${keyword}`}</span>
          <a href={href} safe>
            {contact.number}
          </a>
        </>
      )
    }
    case 'chat':
      return (
        <>
          Chat online at{' '}
          <a href={contact.url} safe>
            {hostOf(contact.url)}
          </a>
        </>
      )
  }
}

/** "samaritans.org" for a page on it: short link text that still says where it goes. */
export function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./u, '')
}
