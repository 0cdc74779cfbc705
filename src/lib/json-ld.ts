// Structured data for search engines (schema.org), built from content only.

export interface ServiceFacts {
  name: string;
  description: string;
  url: string;
  cost: string;
  office: {
    name: string;
    organization: string;
    website: string;
    email: string;
    phone: string;
    address: {
      street: string;
      district: string;
      regency: string;
      province: string;
      postcode: string;
      country: string;
    };
  };
  channels: { name: string; url: string }[];
}

export function governmentService(facts: ServiceFacts) {
  const { office } = facts;
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: facts.name,
    description: facts.description,
    url: facts.url,
    serviceType: facts.name,
    isAccessibleForFree: true,
    offers: { '@type': 'Offer', price: '0', priceCurrency: 'IDR', description: facts.cost },
    areaServed: { '@type': 'AdministrativeArea', name: office.address.regency },
    provider: {
      '@type': 'GovernmentOrganization',
      name: office.name,
      parentOrganization: {
        '@type': 'GovernmentOrganization',
        name: office.organization,
        url: office.website,
      },
      email: office.email,
      telephone: office.phone,
      address: {
        '@type': 'PostalAddress',
        streetAddress: office.address.street,
        addressLocality: office.address.district,
        addressRegion: office.address.province,
        postalCode: office.address.postcode,
        addressCountry: office.address.country,
      },
    },
    availableChannel: facts.channels.map((channel) => ({
      '@type': 'ServiceChannel',
      name: channel.name,
      serviceUrl: channel.url,
    })),
  };
}

export function faqPage(items: { question: string; answerText: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: items.map((item) => ({
      '@type': 'Question',
      name: item.question,
      url: item.url,
      acceptedAnswer: { '@type': 'Answer', text: item.answerText },
    })),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the tag. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
