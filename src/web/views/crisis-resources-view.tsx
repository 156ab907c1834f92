import {
  CRISIS_RESOURCES,
  type CountryCrisisResources,
  type CrisisService,
} from '../../safety/crisis-resources.js'
import type { CrisisResourcesForReader } from '../../safety/crisis-resources-for-locale.js'
import { CrisisContactLine, hostOf } from './crisis-contact.js'

const COUNTRIES_BY_NAME = [...CRISIS_RESOURCES].sort((a, b) => a.name.localeCompare(b.name, 'en'))

/**
 * Crisis services for the reader's country (from Accept-Language, or the one they picked), a
 * GET form to pick another, and the international directories. Every line names its source.
 */
export function CrisisResourcesView({
  resources,
  formAction,
  keep,
}: {
  readonly resources: CrisisResourcesForReader
  /** Where the country form goes: the page itself. */
  readonly formAction: string
  /** Query parameters the form must carry through, such as view_full_work. */
  readonly keep: Readonly<Record<string, string>>
}) {
  const { country } = resources
  return (
    <section class="crisis-resources" aria-labelledby="help-heading">
      <h2 id="help-heading">If you need to talk to someone now</h2>
      {country === null ? (
        <p>
          Pick your country to see services there, or use one of the directories below, which list
          helplines around the world.
        </p>
      ) : (
        <CountryServices country={country} />
      )}
      <form class="country-picker" method="get" action={formAction}>
        <label for="country">Show services in</label>
        <select id="country" name="country">
          {country === null && <option value="">Choose a country</option>}
          {COUNTRIES_BY_NAME.map((option) => (
            <option value={option.country} selected={option.country === country?.country}>
              {option.name}
            </option>
          ))}
        </select>
        {Object.entries(keep).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <button type="submit">Show</button>
      </form>
      <h3>Anywhere in the world</h3>
      <ul class="services">
        {resources.international.map((directory) => (
          <li>
            <p>
              <a href={directory.url} safe>
                {directory.name}
              </a>
              : <span safe>{directory.description}</span>
            </p>
            <Source url={directory.source} checked={directory.checked} />
          </li>
        ))}
      </ul>
    </section>
  )
}

function CountryServices({ country }: { readonly country: CountryCrisisResources }) {
  return (
    <>
      <h3 safe>{country.name}</h3>
      <ul class="services">
        {country.services.map((service) => (
          <ServiceView service={service} />
        ))}
      </ul>
    </>
  )
}

function ServiceView({ service }: { readonly service: CrisisService }) {
  return (
    <li>
      <p>
        <strong safe>{service.name}</strong>
      </p>
      <ul class="contacts">
        {service.contacts.map((contact) => (
          <li>
            <CrisisContactLine contact={contact} />
          </li>
        ))}
      </ul>
      {service.hours !== undefined && <p safe>{`Hours: ${service.hours}`}</p>}
      {service.languages !== undefined && (
        <p safe>{`Languages: ${service.languages.join(', ')}`}</p>
      )}
      {service.note !== undefined && <p safe>{service.note}</p>}
      <Source url={service.source} checked={service.checked} />
    </li>
  )
}

function Source({ url, checked }: { readonly url: string; readonly checked: string }) {
  return (
    <p class="source">
      Source:{' '}
      <a href={url} safe>
        {hostOf(url)}
      </a>
      <span safe>{`, checked ${checked}`}</span>
    </p>
  )
}
