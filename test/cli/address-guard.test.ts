import { describe, expect, it } from 'vitest'
import { checkAddress, refusedAddress } from '../../src/cli/address-guard.js'
import { QuireError } from '../../src/domain/errors.js'

const refuse = { allowPrivate: false }

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
    return undefined
  } catch (error) {
    return error instanceof QuireError ? error.code : String(error)
  }
}

describe('the address guard', () => {
  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '::', '::1', 'fc00::1', 'fd12:3456::1', 'fe80::1',
    'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::7f00:1',
  ])('refuses %s', (address) => {
    expect(refusedAddress(address)).toEqual(expect.any(String))
  })

  it.each(['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700::1111', '::ffff:93.184.216.34'])('lets %s through', (address) => {
    expect(refusedAddress(address)).toBeUndefined()
  })

  it.each([
    'http://127.0.0.1/story.html',
    'http://[::1]/story.html',
    'http://[::ffff:127.0.0.1]/story.html',
    'http://2130706433/story.html', // 127.0.0.1 as one decimal number
    'http://0x7f.0.0.1/story.html', // and in hex
    'http://017700000001/story.html', // and in octal
    'http://10.0.0.8:8080/story.html',
  ])('refuses %s as the URL parser normalises it', async (url) => {
    expect(await codeOf(checkAddress(new URL(url), refuse))).toBe('QUIRE_FETCH_REFUSED')
  })

  it('refuses a host name that resolves to loopback, as localhost does', async () => {
    expect(await codeOf(checkAddress(new URL('http://localhost/story.html'), refuse))).toBe('QUIRE_FETCH_REFUSED')
  })

  it('refuses a host when any of its addresses is private, and pins the first one otherwise', async () => {
    const mixed = () => Promise.resolve([{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.5', family: 4 }])
    expect(await codeOf(checkAddress(new URL('https://archive.example/'), { allowPrivate: false, resolve: mixed }))).toBe(
      'QUIRE_FETCH_REFUSED',
    )
    const outside = () => Promise.resolve([{ address: '93.184.216.34', family: 4 }])
    await expect(checkAddress(new URL('https://archive.example/'), { allowPrivate: false, resolve: outside })).resolves.toEqual({
      address: '93.184.216.34',
      family: 4,
    })
  })

  it('lets the operator allow private addresses', async () => {
    await expect(checkAddress(new URL('http://127.0.0.1:8080/'), { allowPrivate: true })).resolves.toEqual({
      address: '127.0.0.1',
      family: 4,
    })
  })

  it('refuses any scheme but http and https, whatever is allowed', async () => {
    expect(await codeOf(checkAddress(new URL('file:///etc/passwd'), { allowPrivate: true }))).toBe('QUIRE_FETCH_REFUSED')
    expect(await codeOf(checkAddress(new URL('ftp://archive.example/story.txt'), { allowPrivate: true }))).toBe('QUIRE_FETCH_REFUSED')
  })

  it('names the host, the address and the way to allow it', async () => {
    await expect(checkAddress(new URL('http://localhost:9/'), refuse)).rejects.toThrow(
      /localhost resolves to (127\.0\.0\.1|::1), which is a loopback address; fetching it needs --allow-private-addresses/u,
    )
  })
})
