/**
 * The seed marketplace: a deterministic generator (seeded RNG) that writes the bulk-import
 * format (members.jsonl, jobs.jsonl, interactions.jsonl).
 *
 * Members and jobs are drawn from an occupation catalogue — the seed taxonomy's occupations,
 * or ESCO's when given its directory — with texts that name skills by label or alias (and
 * sometimes only describe them), experience histories that drift between related
 * occupations, locations, seniority, remote preferences, noise and missing fields.
 *
 * Interactions come from a hidden fit no single signal explains:
 *   fit = 2.2·(share of the job's skills the member has) + 1.0·(same occupation; 0.5 related)
 *       + 0.8·(location: same city 1, same country 0.4, remote job and open to remote 0.8)
 *       − 0.45·|seniority gap| + 0.35·log(job popularity) + Gumbel noise
 * Each member views the best few of a candidate sample (by fit), saves some, applies to the
 * better ones and is occasionally hired. The fit itself is not written anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { seededRandom } from '../random.ts';
import { parseSeed } from '../taxonomy/seed.ts';

export interface CatalogOccupation {
  label: string;
  aliases: string[];
  /** Skill names (labels) with their aliases, essential first. */
  essential: SkillName[];
  optional: SkillName[];
}
export interface SkillName {
  label: string;
  aliases: string[];
  description: string;
}

export interface GenerateOptions {
  members: number;
  jobs: number;
  seed?: number;
  /** Occupations from an ESCO CSV directory instead of the seed taxonomy. */
  escoDir?: string;
  /** Interactions per member on average. */
  interactionsPerMember?: number;
  /** The reference "now": postings and interactions fall in the 120 days before it. */
  now?: Date;
  onProgress?: (what: string, done: number, total: number) => void;
}

export interface GenerateSummary {
  members: number;
  jobs: number;
  interactions: number;
  occupations: number;
}

const CITIES: Array<[string, string, string, number]> = [
  ['Berlin', 'Berlin', 'Germany', 9],
  ['Munich', 'Bavaria', 'Germany', 6],
  ['Hamburg', 'Hamburg', 'Germany', 4],
  ['Frankfurt', 'Hesse', 'Germany', 3],
  ['London', 'England', 'United Kingdom', 10],
  ['Manchester', 'England', 'United Kingdom', 3],
  ['Edinburgh', 'Scotland', 'United Kingdom', 2],
  ['Paris', 'Île-de-France', 'France', 8],
  ['Lyon', 'Auvergne-Rhône-Alpes', 'France', 3],
  ['Amsterdam', 'North Holland', 'Netherlands', 5],
  ['Rotterdam', 'South Holland', 'Netherlands', 2],
  ['Madrid', 'Madrid', 'Spain', 5],
  ['Barcelona', 'Catalonia', 'Spain', 4],
  ['Milan', 'Lombardy', 'Italy', 4],
  ['Rome', 'Lazio', 'Italy', 3],
  ['Vienna', 'Vienna', 'Austria', 3],
  ['Zurich', 'Zurich', 'Switzerland', 3],
  ['Stockholm', 'Stockholm', 'Sweden', 3],
  ['Copenhagen', 'Capital Region', 'Denmark', 2],
  ['Dublin', 'Leinster', 'Ireland', 3],
  ['Warsaw', 'Masovia', 'Poland', 3],
  ['Prague', 'Prague', 'Czechia', 2],
  ['Lisbon', 'Lisbon', 'Portugal', 2],
  ['Brussels', 'Brussels', 'Belgium', 2],
  ['Helsinki', 'Uusimaa', 'Finland', 1],
  ['Oslo', 'Oslo', 'Norway', 1],
];
const SENIORITY = ['INTERN', 'JUNIOR', 'MID', 'SENIOR', 'LEAD', 'PRINCIPAL', 'DIRECTOR', 'EXECUTIVE'] as const;
const SENIORITY_WEIGHTS = [2, 14, 30, 28, 14, 5, 5, 2];
const TITLE_PREFIX: Record<string, string[]> = {
  INTERN: ['Intern', 'Trainee'],
  JUNIOR: ['Junior', 'Jr.', 'Graduate'],
  MID: [''],
  SENIOR: ['Senior', 'Sr.'],
  LEAD: ['Lead', 'Staff'],
  PRINCIPAL: ['Principal'],
  DIRECTOR: ['Head of', 'Director,'],
  EXECUTIVE: ['Chief', 'VP'],
};
const COMPANY_A = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Tyrell',
  'Cyberdyne',
  'Aperture',
  'Massive',
  'Nimbus',
  'Blue Harbor',
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Lumen',
  'Vertex',
  'Polar',
  'Atlas',
  'Quantum',
  'Helix',
];
const COMPANY_B = [
  'Analytics',
  'Systems',
  'Health',
  'Logistics',
  'Labs',
  'Energy',
  'Foods',
  'Finance',
  'Retail',
  'Mobility',
  'Media',
  'Works',
  'Group',
  'Solutions',
  'Care',
  'Robotics',
];
const INDUSTRIES = [
  'Software',
  'Finance',
  'Healthcare',
  'Retail',
  'Manufacturing',
  'Logistics',
  'Energy',
  'Media',
  'Public sector',
  'Education',
  'Hospitality',
  'Construction',
];
const VERBS = [
  'Used',
  'Applied',
  'Worked with',
  'Relied on',
  'Built on',
  'Brought',
  'Practised',
  'Delivered results with',
];
const RESP = ['You will', 'You will regularly', 'Day to day you will', 'In this role you will'];
const BENEFITS = [
  '30 days of paid holiday',
  'a learning budget',
  'flexible hours',
  'a pension plan',
  'public transport ticket',
  'health insurance',
  'parental leave',
  'home office equipment',
];
const ABOUT = [
  'We are a growing team',
  'We are an established company',
  'We are a fast-moving start-up',
  'We are a family-owned business',
  'We are a non-profit organisation',
];

/** Loads the occupation catalogue: the seed taxonomy's occupations, or ESCO's. */
export function loadCatalog(seedDir: string, escoDir?: string): CatalogOccupation[] {
  if (escoDir) return loadEscoCatalog(escoDir);
  const seed = parseSeed(seedDir);
  const skills = new Map(
    seed.skills.map((s) => [s.id, { label: s.label, aliases: s.aliases, description: s.description }]),
  );
  return seed.occupations.map((o) => ({
    label: o.label,
    aliases: o.aliases,
    essential: o.essential.map((id) => skills.get(id)!).filter(Boolean),
    optional: o.optional.map((id) => skills.get(id)!).filter(Boolean),
  }));
}

function loadEscoCatalog(dir: string): CatalogOccupation[] {
  const read = (f: string) =>
    parse(fs.readFileSync(path.join(dir, f)), {
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as Array<Record<string, string>>;
  const splitAlt = (s: string | undefined) =>
    (s ?? '')
      .split(/\n|\|/)
      .map((x) => x.trim())
      .filter(Boolean);
  const skills = new Map<string, SkillName>();
  for (const r of read('skills_en.csv'))
    skills.set(r.conceptUri, {
      label: r.preferredLabel,
      aliases: splitAlt(r.altLabels).slice(0, 4),
      description: r.description ?? '',
    });
  const occ = new Map<string, CatalogOccupation>();
  for (const r of read('occupations_en.csv'))
    occ.set(r.conceptUri, {
      label: r.preferredLabel,
      aliases: splitAlt(r.altLabels).slice(0, 4),
      essential: [],
      optional: [],
    });
  for (const r of read('occupationSkillRelations_en.csv')) {
    const o = occ.get(r.occupationUri);
    const s = skills.get(r.skillUri);
    if (o && s) (r.relationType === 'essential' ? o.essential : o.optional).push(s);
  }
  return [...occ.values()].filter((o) => o.essential.length >= 3).sort((a, b) => a.label.localeCompare(b.label));
}

interface Member {
  id: string;
  occ: number;
  level: number;
  city: number;
  remote: boolean;
  skills: Set<string>;
  prevOcc: number[];
}
interface Job {
  id: string;
  occ: number;
  level: number;
  city: number;
  workplace: 'REMOTE' | 'HYBRID' | 'ONSITE';
  skills: string[];
  popularity: number;
  postedAt: number;
}

/** Writes members.jsonl, jobs.jsonl and interactions.jsonl into outDir. Same options, same files. */
export function generateMarketplace(
  catalog: CatalogOccupation[],
  outDir: string,
  opts: GenerateOptions,
): GenerateSummary {
  if (catalog.length === 0) throw new Error('The occupation catalogue is empty.');
  const rand = seededRandom(opts.seed ?? 42);
  const now = (opts.now ?? new Date('2026-11-01T00:00:00Z')).getTime();
  const DAY = 86_400_000;
  fs.mkdirSync(outDir, { recursive: true });
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const weighted = (w: readonly number[]): number => {
    let r = rand() * w.reduce((a, b) => a + b, 0);
    for (let i = 0; i < w.length; i++) if ((r -= w[i]) < 0) return i;
    return w.length - 1;
  };
  const chance = (p: number) => rand() < p;
  const sample = <T>(xs: readonly T[], k: number): T[] => {
    const copy = [...xs];
    for (let i = 0; i < Math.min(k, copy.length); i++) {
      const j = i + Math.floor(rand() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  };
  const name = (s: SkillName) => (s.aliases.length && chance(0.3) ? pick(s.aliases) : s.label);
  const occName = (o: CatalogOccupation) => (o.aliases.length && chance(0.25) ? pick(o.aliases) : o.label);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const title = (o: CatalogOccupation, level: number) => {
    const prefix = pick(TITLE_PREFIX[SENIORITY[level]]);
    return cap(`${prefix} ${cap(occName(o))}`.trim());
  };

  // Occupation popularity (Zipf-like) and neighbours by shared skills (career moves).
  const occWeight = catalog.map((_, i) => 1 / Math.pow(1 + ((i * 7919) % catalog.length), 0.6));
  const skillSets = catalog.map((o) => new Set([...o.essential, ...o.optional].map((s) => s.label)));
  const neighbours = catalog.map((_, i) =>
    catalog
      .map((_, j) => ({ j, overlap: j === i ? -1 : [...skillSets[i]].filter((s) => skillSets[j].has(s)).length }))
      .filter((x) => x.overlap > 0)
      .sort((a, b) => b.overlap - a.overlap)
      .slice(0, 5)
      .map((x) => x.j),
  );
  const skillByLabel = new Map<string, SkillName>();
  for (const o of catalog) for (const s of [...o.essential, ...o.optional]) skillByLabel.set(s.label, s);
  const allSkills = [...skillByLabel.values()];
  const cityWeights = CITIES.map((c) => c[3]);
  const companies = Array.from({ length: Math.max(20, Math.round(opts.jobs / 15)) }, (_, i) => ({
    name: `${COMPANY_A[i % COMPANY_A.length]} ${COMPANY_B[Math.floor(i / COMPANY_A.length) % COMPANY_B.length]}${i >= COMPANY_A.length * COMPANY_B.length ? ` ${Math.floor(i / (COMPANY_A.length * COMPANY_B.length)) + 1}` : ''}`,
    industry: pick(INDUSTRIES),
  }));
  const loc = (c: number) => {
    const [city, region, country] = CITIES[c];
    return chance(0.05) ? { country } : { city, region, country };
  };

  // ---- jobs
  const jobs: Job[] = [];
  const jobsOut = fs.openSync(path.join(outDir, 'jobs.jsonl'), 'w');
  for (let i = 0; i < opts.jobs; i++) {
    const occ = weighted(occWeight);
    const o = catalog[occ];
    const level = weighted(SENIORITY_WEIGHTS);
    const city = weighted(cityWeights);
    const workplace = (['REMOTE', 'HYBRID', 'ONSITE'] as const)[weighted([20, 35, 45])];
    const required = sample(o.essential, 3 + Math.floor(rand() * 4));
    const nice = sample(o.optional, Math.floor(rand() * 3));
    const extra = chance(0.3) ? [pick(allSkills)] : [];
    const company = pick(companies);
    const postedAt = now - Math.floor(rand() * 120) * DAY;
    const lines: string[] = [];
    if (chance(0.7))
      lines.push(
        `About us\n${pick(ABOUT)} in ${company.industry.toLowerCase()}. ${company.name} serves customers across Europe.`,
      );
    lines.push(
      `Responsibilities\n${required
        .slice(0, 2)
        .map((s) =>
          chance(0.3) && s.description
            ? `${pick(RESP)} be ${s.description.charAt(0).toLowerCase()}${s.description.slice(1)}`
            : `${pick(RESP)} use ${name(s)} every day.`,
        )
        .join('\n')}`,
    );
    lines.push(
      `Requirements\n${[...required, ...extra].map((s) => `- ${chance(0.5) ? 'Experience with ' : ''}${name(s)}`).join('\n')}`,
    );
    if (nice.length) lines.push(`Nice to have\n${nice.map((s) => `- ${name(s)}`).join('\n')}`);
    if (chance(0.6)) lines.push(`Benefits\n${sample(BENEFITS, 3).join(', ')}.`);
    const job: Job = {
      id: `job-${String(i + 1).padStart(6, '0')}`,
      occ,
      level,
      city,
      workplace,
      skills: [...required, ...extra].map((s) => s.label),
      popularity: Math.exp(0.8 * gaussian(rand)),
      postedAt,
    };
    jobs.push(job);
    const record: Record<string, unknown> = {
      id: job.id,
      title: title(o, level),
      company: chance(0.97) ? company.name : undefined,
      location: loc(city),
      workplace: chance(0.9) ? workplace : undefined,
      seniority: chance(0.5) ? SENIORITY[level] : undefined,
      industry: company.industry,
      description: lines.join('\n\n'),
      postedAt: new Date(postedAt).toISOString(),
      expiresAt: chance(0.8) ? new Date(postedAt + (30 + Math.floor(rand() * 60)) * DAY).toISOString() : undefined,
      ...(chance(0.5)
        ? { salaryMin: 30_000 + level * 10_000, salaryMax: 45_000 + level * 14_000, salaryCurrency: 'EUR' }
        : {}),
    };
    fs.writeSync(jobsOut, JSON.stringify(record) + '\n');
    if ((i + 1) % 5000 === 0) opts.onProgress?.('jobs', i + 1, opts.jobs);
  }
  fs.closeSync(jobsOut);

  // ---- members
  const members: Member[] = [];
  const membersOut = fs.openSync(path.join(outDir, 'members.jsonl'), 'w');
  for (let i = 0; i < opts.members; i++) {
    const occ = weighted(occWeight);
    const o = catalog[occ];
    const level = weighted(SENIORITY_WEIGHTS);
    const city = weighted(cityWeights);
    const prevOcc = neighbours[occ].length && chance(0.4) ? [pick(neighbours[occ])] : [];
    const own = [
      ...sample(o.essential, Math.ceil(o.essential.length * (0.5 + 0.4 * rand()))),
      ...sample(o.optional, Math.floor(o.optional.length * 0.3 * rand())),
    ];
    const fromPrev = prevOcc.flatMap((p) => sample(catalog[p].essential, 2));
    const noise = chance(0.5) ? [pick(allSkills)] : [];
    const skills = [...new Map([...own, ...fromPrev, ...noise].map((s) => [s.label, s])).values()];
    const m: Member = {
      id: `member-${String(i + 1).padStart(6, '0')}`,
      occ,
      level,
      city,
      remote: chance(0.45),
      skills: new Set(skills.map((s) => s.label)),
      prevOcc,
    };
    members.push(m);
    const years = 1 + level * 2 + Math.floor(rand() * 4);
    const experience: Array<Record<string, unknown>> = [];
    const startCurrent = 2026 - Math.min(years, 2 + Math.floor(rand() * 5));
    const shown = sample(skills, Math.min(skills.length, 3 + Math.floor(rand() * 4)));
    experience.push({
      title: title(o, level),
      company: pick(companies).name,
      description: shown
        .slice(0, 3)
        .map((s) => (chance(0.25) && s.description ? `${s.description}` : `${pick(VERBS)} ${name(s)}.`))
        .join(' '),
      start: `${startCurrent}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`,
    });
    if (years > 3) {
      const p = prevOcc.length ? catalog[prevOcc[0]] : o;
      const pskills = prevOcc.length ? fromPrev : shown.slice(3);
      experience.push({
        title: title(p, Math.max(0, level - 1)),
        company: chance(0.9) ? pick(companies).name : undefined,
        description: chance(0.8) ? pskills.map((s) => `${pick(VERBS)} ${name(s)}.`).join(' ') : undefined,
        start: `${startCurrent - 2 - Math.floor(rand() * 4)}-01`,
        end: `${startCurrent - 1}-12`,
      });
    }
    const record: Record<string, unknown> = {
      id: m.id,
      headline: chance(0.9)
        ? `${title(o, level)}${shown.length ? ` | ${shown.slice(0, 2).map(name).join(', ')}` : ''}`
        : undefined,
      summary: chance(0.7)
        ? `${years} years of experience as ${occName(o)}. Strong in ${shown.slice(0, 2).map(name).join(' and ') || 'my field'}.`
        : undefined,
      location: chance(0.95) ? loc(city) : undefined,
      experience: chance(0.92) ? experience : undefined,
      desiredTitles: chance(0.3)
        ? [cap(occName(chance(0.7) || !neighbours[occ].length ? o : catalog[pick(neighbours[occ])]))]
        : undefined,
      openToRemote: m.remote,
      skills: chance(0.5)
        ? sample(skills, Math.min(5, skills.length)).map((s) => (chance(0.5) ? s.label : name(s)))
        : undefined,
    };
    fs.writeSync(membersOut, JSON.stringify(record) + '\n');
    if ((i + 1) % 5000 === 0) opts.onProgress?.('members', i + 1, opts.members);
  }
  fs.closeSync(membersOut);

  // ---- interactions, from the hidden fit
  const jobsByOcc = new Map<number, number[]>();
  jobs.forEach((j, i) => jobsByOcc.set(j.occ, [...(jobsByOcc.get(j.occ) ?? []), i]));
  const related = (a: number, b: number) => a === b || neighbours[a].includes(b);
  const fit = (m: Member, j: Job) => {
    const has = j.skills.filter((s) => m.skills.has(s)).length / Math.max(1, j.skills.length);
    const occ = m.occ === j.occ ? 1 : related(m.occ, j.occ) || m.prevOcc.includes(j.occ) ? 0.5 : 0;
    const sameCity = m.city === j.city;
    const sameCountry = CITIES[m.city][2] === CITIES[j.city][2];
    const place = j.workplace === 'REMOTE' && m.remote ? 0.8 : sameCity ? 1 : sameCountry ? 0.4 : 0;
    return 2.2 * has + 1.0 * occ + 0.8 * place - 0.45 * Math.abs(m.level - j.level) + 0.35 * Math.log(j.popularity);
  };
  const perMember = opts.interactionsPerMember ?? 6;
  const intOut = fs.openSync(path.join(outDir, 'interactions.jsonl'), 'w');
  let count = 0;
  members.forEach((m, mi) => {
    const candidates = new Set<number>();
    for (const o of [m.occ, ...neighbours[m.occ].slice(0, 2), ...m.prevOcc])
      for (const j of sample(jobsByOcc.get(o) ?? [], 40)) candidates.add(j);
    for (let k = 0; k < 60 && jobs.length; k++) candidates.add(Math.floor(rand() * jobs.length));
    const scored = [...candidates]
      .map((j) => ({ j, f: fit(m, jobs[j]) + gumbel(rand) * 0.9 }))
      .sort((a, b) => b.f - a.f);
    const n = Math.max(1, Math.round(perMember * (0.3 + 1.4 * rand())));
    const lines: string[] = [];
    for (const { j, f } of scored.slice(0, n)) {
      const job = jobs[j];
      const at = (offset: number) => new Date(Math.min(now, job.postedAt + offset)).toISOString();
      const t = Math.floor(rand() * 20) * DAY + Math.floor(rand() * DAY);
      lines.push(JSON.stringify({ memberId: m.id, jobId: job.id, type: 'VIEWED', at: at(t) }));
      if (chance(0.25))
        lines.push(JSON.stringify({ memberId: m.id, jobId: job.id, type: 'SAVED', at: at(t + 3600_000) }));
      if (f > 2.2 || chance(0.2)) {
        lines.push(JSON.stringify({ memberId: m.id, jobId: job.id, type: 'APPLIED', at: at(t + 2 * 3600_000) }));
        if (f > 3.4 && chance(0.15))
          lines.push(JSON.stringify({ memberId: m.id, jobId: job.id, type: 'HIRED', at: at(t + 14 * DAY) }));
      }
    }
    if (chance(0.01)) lines.push('{"memberId": "' + m.id + '", "jobId": "job-missing", "type": "VIEWED"}'); // noise: a dangling reference
    fs.writeSync(intOut, lines.join('\n') + '\n');
    count += lines.length;
    if ((mi + 1) % 5000 === 0) opts.onProgress?.('interactions', mi + 1, members.length);
  });
  fs.closeSync(intOut);
  return { members: members.length, jobs: jobs.length, interactions: count, occupations: catalog.length };
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

function gumbel(rand: () => number): number {
  return -Math.log(-Math.log(1 - rand() * 0.999999 + 1e-12));
}
