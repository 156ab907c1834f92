// Crisis resources shown before a work whose content notices include suicide or self-harm.
//
// Every service names a page that gives its number (`source`) and the day its details were
// compared with that page (`checked`). A line goes in only when a page supports it; countries
// whose numbers we could not confirm are left out, and those readers get the international
// directories instead. Hours and languages are given only where a page states them. Many
// sources are news or health-agency pages rather than the service's own site; where a second
// page supports a detail, a comment names it. Re-check every line at least yearly, preferring
// the service's own site: numbers and hours change.

/** A day in ISO 8601 form, as `YYYY-MM-DD`. */
export type IsoDate = `${number}-${number}-${number}`

/** One way to reach a service. */
export type CrisisContact =
  | { readonly kind: 'call'; readonly number: string; readonly note?: string }
  | {
      readonly kind: 'text'
      readonly number: string
      readonly via: 'sms' | 'whatsapp'
      readonly keyword?: string
    }
  | { readonly kind: 'chat'; readonly url: string }

/** A helpline, with the page that gives its details and the day they were checked. */
export type CrisisService = {
  readonly name: string
  readonly contacts: readonly [CrisisContact, ...CrisisContact[]]
  readonly hours?: string
  readonly languages?: readonly string[]
  readonly note?: string
  readonly source: string
  readonly checked: IsoDate
}

/** The services for one country, keyed by its ISO 3166-1 alpha-2 code. */
export type CountryCrisisResources = {
  readonly country: string
  readonly name: string
  readonly services: readonly [CrisisService, ...CrisisService[]]
}

/** A directory that lists helplines for countries we do not. */
export type InternationalDirectory = {
  readonly name: string
  readonly url: string
  readonly description: string
  readonly source: string
  readonly checked: IsoDate
}

const CHECKED = '2026-11-25'

/** Directories for readers in countries not listed, or who would rather look for themselves. */
export const INTERNATIONAL_DIRECTORIES = [
  {
    name: 'Find A Helpline',
    url: 'https://findahelpline.com',
    description: 'Free, confidential helplines by country and topic, by phone, text or chat.',
    source: 'https://findahelpline.com/AU',
    checked: CHECKED,
  },
  {
    name: 'Befrienders Worldwide',
    url: 'https://befrienders.org',
    description: 'Emotional support centres in many countries, with a list by country.',
    source: 'https://befrienders.org/about-us',
    checked: CHECKED,
  },
] as const satisfies readonly InternationalDirectory[]

/** Crisis services by country, in alphabetical order of country code. */
export const CRISIS_RESOURCES = [
  {
    country: 'AR',
    name: 'Argentina',
    services: [
      {
        name: 'Línea Nacional de Salud Mental',
        contacts: [{ kind: 'call', number: '0800 999 0091' }],
        hours: '24/7',
        source: 'https://www.ospia.org.ar/?p=1635',
        checked: CHECKED,
      },
      {
        name: 'Centro de Asistencia al Suicida',
        contacts: [
          { kind: 'call', number: '135', note: 'Buenos Aires city and Greater Buenos Aires' },
          { kind: 'call', number: '(011) 5275-1135', note: 'from the rest of the country' },
        ],
        source:
          'https://lapostacomodorense.com.ar/2025/09/03/septiembre-mes-de-la-prevencion-del-suicidio-la-importancia-de-escuchar-acompanar-y-abrazar/',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'AT',
    name: 'Austria',
    services: [
      {
        name: 'TelefonSeelsorge',
        contacts: [{ kind: 'call', number: '142', note: 'free from any phone' }],
        hours: '24/7',
        source:
          'https://www.ots.at/presseaussendung/OTM_20230425_OTM0006/telefonseelsorge-seit-25-jahren-amtlicher-notruf-fuer-die-seele',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'AU',
    name: 'Australia',
    services: [
      {
        name: 'Lifeline',
        contacts: [
          { kind: 'call', number: '13 11 14' },
          { kind: 'text', number: '0477 13 11 14', via: 'sms' },
        ],
        hours: '24/7',
        source: 'https://lifeinmind.org.au/news/lifelines-crisis-text-service-now-available-24-7',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'BE',
    name: 'Belgium',
    services: [
      {
        name: 'Zelfmoordlijn 1813',
        contacts: [
          { kind: 'call', number: '1813', note: 'free' },
          { kind: 'chat', url: 'https://www.zelfmoord1813.be' },
        ],
        hours: '24/7 by phone',
        languages: ['Dutch'],
        source: 'https://nieuws.vtm.be/binnenland/67758-nieuw-nummer-zelfmoordlijn1813',
        checked: CHECKED,
      },
      {
        // Hours and cost: https://www.dhnet.be/dernieres-depeches/2023/09/05/une-nouvelle-campagne-de-prevention-du-suicide-pour-agir-avant-le-drame-ZGY4QISYTREFDEKWQIYM5IIN7Q/
        name: 'Centre de Prévention du Suicide',
        contacts: [{ kind: 'call', number: '0800 32 123', note: 'free' }],
        hours: '24/7',
        languages: ['French'],
        source:
          'https://www.preventionsuicide.be/actualites/le-centre-de-prevention-du-suicide-publie-son-rapport-dactivites-2022',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'BR',
    name: 'Brazil',
    services: [
      {
        name: 'CVV – Centro de Valorização da Vida',
        contacts: [
          { kind: 'call', number: '188', note: 'free from any phone' },
          { kind: 'chat', url: 'https://www.cvv.org.br' },
        ],
        hours: '24/7 by phone',
        source:
          'https://redeglobo.globo.com/rj/tvriosul/Acontece/noticia/cvv-oferece-apoio-emocional-e-atua-na-prevencao-do-suicidio.ghtml',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'CA',
    name: 'Canada',
    services: [
      {
        name: '988 Suicide Crisis Helpline',
        contacts: [
          { kind: 'call', number: '988' },
          { kind: 'text', number: '988', via: 'sms' },
        ],
        hours: '24/7',
        languages: ['English', 'French'],
        source: 'https://mentalhealthcommission.ca/catalyst/988-launches-in-canada/',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'CH',
    name: 'Switzerland',
    services: [
      {
        // Cost of a call (20 Rappen): https://zuerich.143.ch/Service/FAQ
        name: 'Die Dargebotene Hand (Tel 143)',
        contacts: [{ kind: 'call', number: '143' }],
        hours: '24/7',
        languages: ['German', 'Italian'],
        source: 'https://www.swissinfo.ch/ger/alternde-gesellschaft/die-dargebotene-hand/3335124',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'DE',
    name: 'Germany',
    services: [
      {
        name: 'TelefonSeelsorge',
        contacts: [
          { kind: 'call', number: '0800 111 0 111', note: 'free' },
          { kind: 'call', number: '0800 111 0 222', note: 'free' },
          { kind: 'chat', url: 'https://www.telefonseelsorge.de' },
        ],
        hours: '24/7 by phone',
        source: 'https://www.domradio.de/glossar/telefonseelsorge-0',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'ES',
    name: 'Spain',
    services: [
      {
        name: '024 – Línea de atención a la conducta suicida',
        contacts: [{ kind: 'call', number: '024', note: 'free' }],
        hours: '24/7',
        source: 'https://www.rtve.es/noticias/20220509/sanidad-presenta-telefono-prevencion-suicidio/2347183.shtml',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'FI',
    name: 'Finland',
    services: [
      {
        // Round-the-clock hours of the Finnish line: https://mentalhealth.fi/where-to-go-in-an-emergency
        name: 'MIELI Crisis Helpline (Kriisipuhelin)',
        contacts: [{ kind: 'call', number: '09 2525 0111' }],
        hours: '24/7',
        languages: ['Finnish'],
        note: 'MIELI runs lines in other languages too, with their own numbers and hours.',
        source: 'https://mieli.fi/helpline',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'FR',
    name: 'France',
    services: [
      {
        name: '3114 – Numéro national de prévention du suicide',
        contacts: [{ kind: 'call', number: '3114', note: 'free' }],
        hours: '24/7',
        source: 'https://3114.fr/que-se-passe-t-il-quand-je-contacte-le-3114/',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'GB',
    name: 'United Kingdom',
    services: [
      {
        name: 'Samaritans',
        contacts: [{ kind: 'call', number: '116 123', note: 'free' }],
        hours: '24/7',
        source:
          'https://samaritans.org/branches/coventry/coventry-branch-news/coventry-samaritans-will-be-open-usual-over-christmas',
        checked: CHECKED,
      },
      {
        name: 'Shout',
        contacts: [{ kind: 'text', number: '85258', via: 'sms', keyword: 'SHOUT' }],
        hours: '24/7',
        source: 'https://giveusashout.org/about-us/faq',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'HK',
    name: 'Hong Kong',
    services: [
      {
        name: 'The Samaritans Hong Kong',
        contacts: [{ kind: 'call', number: '2896 0000' }],
        hours: '24/7',
        languages: ['English', 'Cantonese', 'Mandarin'],
        source: 'https://csrp.hku.hk/getting-help/',
        checked: CHECKED,
      },
      {
        name: 'The Samaritan Befrienders Hong Kong',
        contacts: [
          { kind: 'call', number: '2389 2222' },
          { kind: 'call', number: '2389 2223' },
        ],
        hours: '24/7',
        languages: ['Cantonese', 'English'],
        source: 'https://csrp.hku.hk/getting-help/',
        checked: CHECKED,
      },
      {
        name: 'Suicide Prevention Services (生命熱綫)',
        contacts: [{ kind: 'call', number: '2382 0000' }],
        hours: '24/7',
        languages: ['Cantonese'],
        source: 'https://csrp.hku.hk/getting-help/',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'IE',
    name: 'Ireland',
    services: [
      {
        name: 'Samaritans',
        contacts: [{ kind: 'call', number: '116 123', note: 'free' }],
        hours: '24/7',
        source:
          'https://www.irishhealthpro.com/content/news/show/name/big-jump-in-calls-to-samaritans-since-2014',
        checked: CHECKED,
      },
      {
        name: 'Pieta',
        contacts: [
          { kind: 'call', number: '1800 247 247', note: 'free' },
          { kind: 'text', number: '51444', via: 'sms', keyword: 'HELP' },
        ],
        hours: '24/7',
        source:
          'https://wicklownow.ie/news/wicklow-people-feeling-low-over-christmas-period-urged-to-contact-helpline/',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'IL',
    name: 'Israel',
    services: [
      {
        // Further languages (English, Amharic, French, Spanish) and online chat:
        // https://www.israel21c.org/mental-health-hotline-helps-israelis-cope-with-reform-crisis/
        name: 'ERAN – Emotional First Aid',
        contacts: [{ kind: 'call', number: '1201' }],
        hours: '24/7',
        languages: ['Hebrew', 'Arabic', 'Russian', 'English'],
        source: 'https://jerusaleminstitute.org.il/en/blog/with-days-like-this/',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'IN',
    name: 'India',
    services: [
      {
        // The ten-digit number as well: https://crackittoday.com/current-affairs/tele-manas/
        name: 'Tele-MANAS',
        contacts: [
          { kind: 'call', number: '14416', note: 'free' },
          { kind: 'call', number: '1-800-891-4416', note: 'free' },
        ],
        hours: '24/7',
        languages: ['20 languages'],
        source:
          'https://theshillongtimes.com/2025/02/07/tele-manas-mental-health-helpline-handles-over-18-1-lakh-calls-centre/',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'IT',
    name: 'Italy',
    services: [
      {
        name: 'Telefono Amico Italia',
        contacts: [
          { kind: 'call', number: '02 2327 2327' },
          { kind: 'text', number: '324 011 7252', via: 'whatsapp' },
        ],
        source:
          'https://alleyoop.ilsole24ore.com/2025/10/10/salute-mentale-300-richieste-di-aiuto-al-giorno-per-telefono-amico-italia/',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'JP',
    name: 'Japan',
    services: [
      {
        name: 'よりそいホットライン (Yorisoi Hotline)',
        contacts: [
          { kind: 'call', number: '0120-279-338', note: 'free' },
          { kind: 'call', number: '0120-279-226', note: 'free, from Iwate, Miyagi and Fukushima' },
        ],
        hours: '24/7',
        source:
          'https://kotobank.jp/word/%E3%82%88%E3%82%8A%E3%81%9D%E3%81%84%E3%81%BB%E3%81%A4%E3%81%A8%E3%82%89%E3%81%84%E3%82%93-3193813',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'KR',
    name: 'South Korea',
    services: [
      {
        name: '자살예방상담전화 109 (Suicide Prevention Counselling Line)',
        contacts: [{ kind: 'call', number: '109' }],
        hours: '24/7',
        source: 'https://newspim.com/news/view/20240102000281',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'MX',
    name: 'Mexico',
    services: [
      {
        name: 'Línea de la Vida',
        contacts: [{ kind: 'call', number: '800 911 2000', note: 'free' }],
        hours: '24/7',
        source:
          'https://www.eluniversal.com.mx/nacion/promueven-la-linea-de-la-vida-tras-presentar-encuesta-sobre-consumo-de-drogas-asi-puedes-pedir-ayuda/',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'NL',
    name: 'Netherlands',
    services: [
      {
        name: '113 Zelfmoordpreventie',
        contacts: [
          { kind: 'call', number: '113', note: 'free' },
          { kind: 'call', number: '0800-0113', note: 'free' },
          { kind: 'chat', url: 'https://www.113.nl' },
        ],
        hours: '24/7',
        source:
          'https://www.upday.com/nl/binnenland/nummer-113-nu-gratis-betere-hulp-bij-zelfdodingsgedachten/pj8neqt',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'NO',
    name: 'Norway',
    services: [
      {
        name: 'Kirkens SOS',
        contacts: [{ kind: 'call', number: '22 40 00 40', note: 'ordinary call charges' }],
        hours: '24/7',
        source: 'https://www.girku-sos.no/nordsamisk/telefon',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'NZ',
    name: 'New Zealand',
    services: [
      {
        name: '1737 Need to talk?',
        contacts: [
          { kind: 'call', number: '1737', note: 'free' },
          { kind: 'text', number: '1737', via: 'sms' },
        ],
        hours: '24/7',
        languages: ['English', 'interpreters for other languages'],
        source: 'https://www.pegasus.health.nz/?p=6300',
        checked: CHECKED,
      },
      {
        // The text line HELP (4357): https://www.scoop.co.nz/stories/GE1803/S00053/lifeline-expands-to-offer-text-support-for-those-in-distress.htm
        name: 'Lifeline Aotearoa',
        contacts: [
          { kind: 'call', number: '0800 543 354', note: 'free' },
          { kind: 'text', number: '4357', via: 'sms' },
        ],
        hours: '24/7',
        source:
          'https://vice.com/en/article/new-zealands-biggest-mental-health-helpline-misses-one-in-four-calls',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'PH',
    name: 'Philippines',
    services: [
      {
        // Round-the-clock hours: https://doh.gov.ph/press-release/launch-of-the-ncmh-crisis-hotline/
        name: 'National Center for Mental Health Crisis Hotline',
        contacts: [
          { kind: 'call', number: '1553' },
          { kind: 'call', number: '0919 057 1553' },
          { kind: 'call', number: '0917 899 8727' },
        ],
        hours: '24/7',
        source: 'https://www.sunstar.com.ph/cebu/nearly-700-call-ncmh-during-the-holidays',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'PL',
    name: 'Poland',
    services: [
      {
        name: 'Centrum Wsparcia dla Osób w Stanie Kryzysu Psychicznego',
        contacts: [{ kind: 'call', number: '800 70 2222', note: 'free' }],
        hours: '24/7',
        source: 'https://zdrowie.pap.pl/psyche/na-kryzys-telefon-800-70-2222',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'PT',
    name: 'Portugal',
    services: [
      {
        name: 'Linha Nacional de Prevenção do Suicídio',
        contacts: [{ kind: 'call', number: '1411', note: 'free' }],
        hours: '24/7',
        source:
          'https://24noticias.sapo.pt/atualidade/artigos/nova-linha-nacional-para-prevencao-do-suicidio-entra-em-funcionamento-como-funciona',
        checked: CHECKED,
      },
      {
        name: 'SOS Voz Amiga',
        contacts: [
          { kind: 'call', number: '213 544 545' },
          { kind: 'call', number: '912 802 669' },
          { kind: 'call', number: '963 524 660' },
          { kind: 'call', number: '930 712 500' },
        ],
        hours: 'daily 15:30–00:30',
        source:
          'https://saudeonline.pt/sos-voz-amiga-em-jornada-de-48-horas-para-assinalar-dia-mundial-da-prevencao-do-suicidio',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'SE',
    name: 'Sweden',
    services: [
      {
        name: 'National support line (Region Stockholm)',
        contacts: [{ kind: 'call', number: '90 390' }],
        hours: '24/7',
        note: 'Staffed by psychologists, nurses and counsellors; also for family and friends.',
        source: 'https://swedenherald.com/article/the-support-line-against-mental-illness-is-now-open',
        checked: CHECKED,
      },
      {
        // Also given, with the chat at mind.se, by the Crown Princess Couple's foundation:
        // http://www.kronprinsessparetsstiftelse.se/projekt/sjalvmordsupplysningen.html (no https)
        name: 'Mind Självmordslinjen',
        contacts: [
          { kind: 'call', number: '90101' },
          { kind: 'chat', url: 'https://mind.se' },
        ],
        hours: '24/7',
        source: 'https://progress.guide/atlas/europe/sweden',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'SG',
    name: 'Singapore',
    services: [
      {
        name: 'Samaritans of Singapore (SOS)',
        contacts: [
          { kind: 'call', number: '1767' },
          { kind: 'text', number: '9151 1767', via: 'whatsapp' },
        ],
        hours: '24/7',
        source:
          'https://www.channelnewsasia.com/singapore/suicide-whatsapp-service-caretext-samaritans-singapore-help-2929241',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'US',
    name: 'United States',
    services: [
      {
        // Spanish option on the line: https://familyandcaregivertoolkit.org/988-crisis-lifeline
        name: '988 Suicide & Crisis Lifeline',
        contacts: [
          { kind: 'call', number: '988' },
          { kind: 'text', number: '988', via: 'sms' },
          { kind: 'chat', url: 'https://988lifeline.org' },
        ],
        hours: '24/7',
        languages: ['English', 'Spanish'],
        source:
          'https://health.wyo.gov/publichealth/prevention/wivpp/suicide-prevention/988-suicide-crisis-lifeline',
        checked: CHECKED,
      },
    ],
  },
  {
    country: 'ZA',
    name: 'South Africa',
    services: [
      {
        name: 'SADAG – South African Depression and Anxiety Group',
        contacts: [
          { kind: 'call', number: '0800 456 789', note: 'free' },
          { kind: 'text', number: '31393', via: 'sms' },
        ],
        note: 'Send an SMS and a counsellor calls back.',
        source:
          'https://www.sabcnews.com/sabcnews/sadag-encourages-the-mentally-fatigued-to-reach-out-amid-world-suicide-prevention-day/',
        checked: CHECKED,
      },
    ],
  },
] as const satisfies readonly CountryCrisisResources[]
