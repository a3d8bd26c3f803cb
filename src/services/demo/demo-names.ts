// Word lists the demo draws company and contact names from. Plain ASCII stems so that websites
// and email addresses need no transliteration.

const words = (text: string, separator = ' ') => text.split(separator).map((word) => word.trim());

export const companyStems = words(
  'Nord Alpen Blau Stern Vita Aqua Terra Lumen Sol Fjord Krona Nova Orbis Vector Helix ' +
    'Quanta Rhein Elba Baltic Iber Adria Atlas Castel Delta Ferro Granit Horizon Iris ' +
    'Juno Linde Merid Norr Opal Pinea Riva Silva Trion Vela Zenit Corvo Brio Kobalt',
);

export const companySuffixes = words(
  'tech werk logic tronic net form med bau trans data soft line mark flow port gen sys ' +
    'ware lux view',
);

export const industries = {
  Manufacturing: ['Industries', 'Manufacturing', 'Components'],
  Retail: ['Retail', 'Stores', 'Trading'],
  Logistics: ['Logistics', 'Freight', 'Transport'],
  'Financial services': ['Finance', 'Capital', 'Insurance'],
  Healthcare: ['Health', 'Medical', 'Care'],
  Software: ['Software', 'Digital', 'Systems'],
  Energy: ['Energy', 'Power', 'Utilities'],
  Construction: ['Construction', 'Building', 'Engineering'],
  'Food & beverage': ['Foods', 'Beverages', 'Dairy'],
  'Professional services': ['Consulting', 'Partners', 'Advisory'],
  Telecommunications: ['Telecom', 'Networks', 'Communications'],
  Automotive: ['Automotive', 'Mobility', 'Motors'],
} as const;

export type Industry = keyof typeof industries;

/** ISO 3166 country codes per territory (Germany straddles North and South). */
export const countriesByTerritory: Record<string, readonly string[]> = {
  North: ['DE', 'NL', 'DK', 'SE', 'FI'],
  South: ['IT', 'ES', 'AT', 'CH', 'DE'],
  West: ['FR', 'BE', 'GB', 'IE', 'PT'],
};

// Legal forms and dialling code per country.
export const countries: Record<string, { legalForms: readonly string[]; dialling: string }> = {
  DE: { legalForms: ['GmbH', 'AG', 'GmbH & Co. KG'], dialling: '+49' },
  NL: { legalForms: ['B.V.', 'N.V.'], dialling: '+31' },
  DK: { legalForms: ['A/S', 'ApS'], dialling: '+45' },
  SE: { legalForms: ['AB'], dialling: '+46' },
  FI: { legalForms: ['Oy', 'Oyj'], dialling: '+358' },
  IT: { legalForms: ['S.p.A.', 'S.r.l.'], dialling: '+39' },
  ES: { legalForms: ['S.A.', 'S.L.'], dialling: '+34' },
  AT: { legalForms: ['GmbH', 'AG'], dialling: '+43' },
  CH: { legalForms: ['AG', 'SA', 'GmbH'], dialling: '+41' },
  FR: { legalForms: ['SAS', 'SA'], dialling: '+33' },
  BE: { legalForms: ['NV', 'SA', 'BV'], dialling: '+32' },
  GB: { legalForms: ['Ltd', 'plc'], dialling: '+44' },
  IE: { legalForms: ['Ltd', 'DAC'], dialling: '+353' },
  PT: { legalForms: ['Lda', 'S.A.'], dialling: '+351' },
};

export const firstNames = words(
  'Anna Lukas Sophie Jan Marie Felix Laura Noah Emma David Julia Matteo Chiara Luca ' +
    'Sara Javier Lucia Carlos Ines Pierre Camille Louis Chloe Oliver Amelia James Grace ' +
    'Sean Aoife Joao Beatriz Lars Ingrid Mikael Sanna Daan Fleur Mads Freja Niklas Katrin',
);

export const lastNames = words(
  'Muller, Schneider, Fischer, Weber, Wagner, Becker, Hoffmann, Jansen, de Vries,' +
    'Bakker, Hansen, Andersen, Lindberg, Nyberg, Virtanen, Korhonen, Rossi, Russo,' +
    'Ferrari, Esposito, Garcia, Fernandez, Lopez, Martinez, Gruber, Bauer, Meier, Keller,' +
    'Bernard, Dubois, Laurent, Peeters, Maes, Smith, Taylor, Walsh, Murphy, Silva, Santos,' +
    'Ferreira',
  ',',
);

export const contactTitles = words(
  'CEO, CFO, CIO, CTO, COO, Head of Operations, Procurement manager, IT director,' +
    'Head of Sales, Head of Finance, Project manager, Head of Customer Service',
  ',',
);
