import type { Random } from './random';
import type { Role } from '../../domain/roles';

export type { Role };

export type DemoTerritory = { id: string; name: string; externalId: string; potential: number };

export type DemoUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  managerId: string | null;
  territoryId: string | null;
  externalId: string;
  sellingHoursPerWeek: number;
};

export type DemoSignIn = { email: string; name: string; role: Role };

/** How a rep sells: the differences the reports should show. */
export type RepProfile = {
  userId: string;
  territoryId: string;
  /** Share of closed deals won before product and account effects. */
  closingRatio: number;
  dealSizeFactor: number;
  /** 1 = the segment norms; below 1 the rep does less than the norms ask. */
  activityFactor: number;
  /** First meetings held per opportunity created: the inverse of the meeting-to-opportunity ratio. */
  firstMeetingsPerOpportunity: number;
  /** Products the rep wins unusually often (> 1) or rarely (< 1): the conversion outliers. */
  productWinFactors: Readonly<Record<string, number>>;
};

const territoryNames = ['North', 'South', 'West'] as const;
const territoryPotentials = [1.2, 1, 0.9];
const managerNames = ['Erik Johansson', 'Lucia Romano', 'Claire Dubois'];
const repNames = [
  ...['Anna Schmidt', 'Jonas Berg', 'Sofie Jensen', 'Lars Nielsen', 'Mia Koch'],
  ...['Giulia Conti', 'Pablo García', 'Elena Moretti', 'Tobias Huber', 'Carla Ruiz'],
  ...['Thomas Martin', "Emma O'Brien", 'Hugo Lefèvre', 'Sarah Evans', 'Pieter De Smet'],
];

// Fixed, not drawn: every demo shows the same strong and weak reps, whatever the seed.
// Per rep: closing ratio, deal size factor, activity factor, first meetings per opportunity.
const repSkills: readonly (readonly [number, number, number, number])[] = [
  [0.4, 1.3, 1.2, 2.2], // rep1
  [0.22, 0.9, 0.9, 3.5], // rep2
  [0.31, 1, 1.1, 2.8], // rep3
  [0.17, 0.8, 0.7, 4], // rep4
  [0.27, 1.1, 1, 3], // rep5
  [0.35, 1.2, 1.3, 2.4], // rep6
  [0.15, 0.7, 0.8, 3.8], // rep7
  [0.25, 1, 1, 3], // rep8
  [0.29, 0.95, 1.05, 2.6], // rep9
  [0.2, 0.85, 0.85, 3.4], // rep10
  [0.38, 1.4, 1.15, 2.1], // rep11
  [0.24, 1, 0.95, 3.1], // rep12
  [0.18, 0.75, 0.75, 3.9], // rep13
  [0.33, 1.1, 1.1, 2.5], // rep14
  [0.26, 0.9, 1, 3.2], // rep15
];
const productWinFactors: Record<number, Record<string, number>> = {
  1: { 'cloud-professional': 1.6 },
  4: { 'analytics-suite': 3 },
  8: { 'implementation-services': 0.12 },
  12: { 'premium-support': 2.4 },
  14: { 'integration-hub': 0.15 },
};

const email = (local: string) => `${local}@demo.salesplan.test`;

/** Who can sign in to the demo organisation, all with the demo password. */
export const demoSignIns: readonly DemoSignIn[] = [
  { email: email('admin'), name: 'Alex Admin', role: 'admin' },
  { email: email('leader'), name: 'Helena Vogt', role: 'leader' },
  ...managerNames.map((name, i) => ({
    email: email(`manager${i + 1}`),
    name,
    role: 'manager' as const,
  })),
  ...repNames.map((name, i) => ({ email: email(`rep${i + 1}`), name, role: 'rep' as const })),
];

export type DemoPeople = {
  territories: DemoTerritory[];
  users: DemoUser[];
  reps: RepProfile[];
};

/** Territories, the admin, the leader, three managers (one per territory) and five reps each. */
export function generatePeople(random: Random): DemoPeople {
  const territories = territoryNames.map((name, i) => ({
    id: random.uuid(),
    name,
    externalId: `DEMO-TER-${i + 1}`,
    potential: territoryPotentials[i] ?? 1,
  }));
  const users: DemoUser[] = [];
  const reps: RepProfile[] = [];
  const addUser = (signIn: DemoSignIn, managerId: string | null, territoryId: string | null) => {
    // A rep's hours are replaced by their history's pace once it is generated (demo-norms.ts).
    const hours = { admin: 0, leader: 5, manager: 10, rep: random.int(22, 30) }[signIn.role];
    const user = {
      ...signIn,
      id: random.uuid(),
      managerId,
      territoryId,
      externalId: `DEMO-USR-${String(users.length + 1).padStart(2, '0')}`,
      sellingHoursPerWeek: hours,
    };
    users.push(user);
    return user;
  };

  const [adminSignIn, leaderSignIn] = demoSignIns;
  if (!adminSignIn || !leaderSignIn) throw new Error('demo sign-ins are missing');
  addUser(adminSignIn, null, null);
  const leader = addUser(leaderSignIn, null, null);
  territories.forEach((territory, team) => {
    const manager = addUser(signInFor('manager', team + 1), leader.id, territory.id);
    for (let i = team * 5; i < team * 5 + 5; i++) {
      const rep = addUser(signInFor('rep', i + 1), manager.id, territory.id);
      const [closingRatio, dealSizeFactor, activityFactor, firstMeetings] = repSkills[i] ?? [];
      reps.push({
        userId: rep.id,
        territoryId: territory.id,
        closingRatio: closingRatio ?? 0.25,
        dealSizeFactor: dealSizeFactor ?? 1,
        activityFactor: activityFactor ?? 1,
        firstMeetingsPerOpportunity: firstMeetings ?? 3,
        productWinFactors: productWinFactors[i + 1] ?? {},
      });
    }
  });
  return { territories, users, reps };
}

function signInFor(role: 'manager' | 'rep', number: number): DemoSignIn {
  const found = demoSignIns.find((s) => s.email === email(`${role}${number}`));
  if (!found) throw new Error(`no demo sign-in for ${role}${number}`);
  return found;
}
