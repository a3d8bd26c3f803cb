import { splitByLargestRemainder } from '../../domain/money';
import type { AccountStatus, DemoSegment, SegmentCode } from './generate-catalogue';
import type { DemoTerritory, RepProfile } from './generate-people';
import {
  companyStems,
  companySuffixes,
  contactTitles,
  countries,
  countriesByTerritory,
  firstNames,
  industries,
  type Industry,
  lastNames,
} from './demo-names';
import type { Random } from './random';
import { createDither } from './stratified';

export type DemoAccount = {
  id: string;
  externalId: string;
  name: string;
  segmentId: string;
  status: AccountStatus;
  ownerId: string;
  territoryId: string;
  industry: Industry;
  country: string;
  employees: number;
  annualRevenueMinor: number;
  website: string;
};

export type DemoContact = {
  id: string;
  externalId: string;
  accountId: string;
  firstName: string;
  lastName: string;
  title: string;
  email: string;
  phone: string;
};

/** An account with what the pipeline and activity generators need to know about it. */
export type AccountProfile = {
  account: DemoAccount;
  segmentCode: SegmentCode;
  contactIds: string[];
};

export const ACCOUNTS_PER_REP = 40;

const segmentShares: Record<SegmentCode, number> = { A: 0.1, B: 0.25, C: 0.35, D: 0.3 };
const customerShares: Record<SegmentCode, number> = { A: 0.6, B: 0.5, C: 0.35, D: 0.3 };
const employeeRanges: Record<SegmentCode, [number, number]> = {
  A: [2_000, 20_000],
  B: [500, 3_000],
  C: [100, 800],
  D: [10, 150],
};
const industryNames = Object.keys(industries) as Industry[];

export function generateAccounts(
  random: Random,
  reps: readonly RepProfile[],
  territories: readonly DemoTerritory[],
  segments: readonly DemoSegment[],
): { accounts: DemoAccount[]; contacts: DemoContact[]; profiles: AccountProfile[] } {
  const usedNames = new Set<string>();
  const contacts: DemoContact[] = [];
  const profiles: AccountProfile[] = [];
  const codes = segments.map((s) => s.code);
  // Every rep works the same mix of segments (4 A, 10 B, 14 C and 12 D accounts of 40), in an
  // order of their own: a territory rep carries the strategy's segment mix, and a book of two
  // Strategic accounts beside a colleague's six would put them far behind or ahead in it.
  const perRep = splitByLargestRemainder(
    ACCOUNTS_PER_REP,
    codes.map((code) => segmentShares[code]),
  );
  const book = codes.flatMap((code, s) => Array.from({ length: perRep[s] ?? 0 }, () => code));

  for (const rep of reps) {
    const territory = territories.find((t) => t.id === rep.territoryId);
    const territoryCountries = countriesByTerritory[territory?.name ?? ''] ?? ['DE'];
    // Customers in each segment at its share too, for the same reason.
    const isCustomer = new Map(codes.map((code) => [code, createDither(random)]));
    for (const segmentCode of random.shuffle(book)) {
      const segment = segments.find((s) => s.code === segmentCode);
      if (!segment) throw new Error(`segment ${segmentCode} is missing`);
      const country = random.pick(territoryCountries);
      const industry = random.pick(industryNames);
      const { name, domain } = companyName(random, industry, country, usedNames);
      const [minEmployees, maxEmployees] = employeeRanges[segmentCode];
      const employees = Math.round(minEmployees * (maxEmployees / minEmployees) ** random.next());
      // Revenue per employee of 120k–320k euros, in whole thousands.
      const revenueEuros = employees * random.int(120, 320) * 1_000;
      const account: DemoAccount = {
        id: random.uuid(),
        externalId: `DEMO-ACC-${String(profiles.length + 1).padStart(4, '0')}`,
        name,
        segmentId: segment.id,
        status: isCustomer.get(segmentCode)?.(customerShares[segmentCode])
          ? 'customer'
          : 'prospect',
        ownerId: rep.userId,
        territoryId: rep.territoryId,
        industry,
        country,
        employees,
        annualRevenueMinor: revenueEuros * 100,
        website: `https://www.${domain}`,
      };
      const accountContacts = generateContacts(random, account, domain, contacts.length);
      contacts.push(...accountContacts);
      profiles.push({ account, segmentCode, contactIds: accountContacts.map((c) => c.id) });
    }
  }
  return { accounts: profiles.map((p) => p.account), contacts, profiles };
}

function companyName(
  random: Random,
  industry: Industry,
  country: string,
  usedNames: Set<string>,
): { name: string; domain: string } {
  for (;;) {
    const brand = `${random.pick(companyStems)}${random.pick(companySuffixes)}`;
    const word = random.chance(0.6) ? random.pick(industries[industry]) : '';
    const legalForm = random.pick(countries[country]?.legalForms ?? ['Ltd']);
    const name = [brand, word, legalForm].filter(Boolean).join(' ');
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    const domain = `${[brand, word].filter(Boolean).join('-').toLowerCase()}.example`;
    return { name, domain };
  }
}

function generateContacts(
  random: Random,
  account: DemoAccount,
  domain: string,
  contactsSoFar: number,
): DemoContact[] {
  const count = random.pickWeighted([1, 2, 3], [0.3, 0.4, 0.3]);
  const titles = random.shuffle(contactTitles);
  const dialling = countries[account.country]?.dialling ?? '+49';
  return titles.slice(0, count).map((title, i) => {
    const firstName = random.pick(firstNames);
    const lastName = random.pick(lastNames);
    const local = `${firstName}.${lastName}`.toLowerCase().replace(/\s+/g, '');
    return {
      id: random.uuid(),
      externalId: `DEMO-CON-${String(contactsSoFar + i + 1).padStart(5, '0')}`,
      accountId: account.id,
      firstName,
      lastName,
      title,
      email: `${local}@${domain}`,
      phone: `${dialling} ${random.int(10, 99)} ${random.int(100_000, 9_999_999)}`,
    };
  });
}
