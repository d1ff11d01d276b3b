/**
 * The editors' workbench at /editor in a real browser (Debian's headless Chromium through playwright-core): the
 * anonymous roots view, browsing, keyboard search, a skill's page, signing in, adding an alias, and a conflict
 * on the description that the editor resolves by re-applying their change. Everything loads from this server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTestService } from './support/service.ts';
import type { TestService } from './support/service.ts';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(executablePath);
if (!hasChromium && process.env.CI === 'true')
  throw new Error(`CI needs Chromium at ${executablePath} for the workbench test (apt-get install chromium).`);
/** Screenshots for a person to look at (not compared by the test). */
const SHOTS = process.env.SKILLGRAPH_SCREENSHOTS;

describe.skipIf(!hasChromium)('the editors’ workbench in Chromium', () => {
  let svc: TestService;
  let browser: Browser;
  beforeAll(async () => {
    svc = await startTestService('embedded');
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  });

  async function open(width = 1280): Promise<{ page: Page; remote: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const remote: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(svc.url)) remote.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${svc.url}/editor`);
    return { page, remote, errors };
  }

  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };

  it('anonymous: lists the seed taxonomy’s domains, browses lazily and searches from the keyboard', async () => {
    const { page, remote, errors } = await open();
    const tree = page.getByRole('tree', { name: 'Skills by domain' });
    await expect.poll(() => tree.getByRole('treeitem').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    const roots = await tree.locator(':scope > li > .row a').allInnerTexts();
    expect(roots).toContain('Software development');
    expect(roots).toEqual([...roots].sort((a, b) => a.localeCompare(b)));

    // Expanding a domain loads its children; a child opens its page.
    await page.getByRole('button', { name: 'Expand Software development' }).click();
    await page.getByRole('link', { name: 'Programming languages', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Programming languages');
    await expect.poll(() => page.locator('#links-children + ul').innerText()).toContain('Python');

    // "/" jumps to search; arrows and Enter pick a hit.
    await page.keyboard.press('/');
    await page.keyboard.type('kube');
    await page
      .getByRole('option', { name: /Kubernetes/ })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Kubernetes');
    expect(page.url()).toContain('#/skill/skill%3Akubernetes');
    await expect.poll(() => page.getByTestId('usage').count()).toBe(0); // usage needs a key
    // The neighbourhood picture: drawn in WebGL, summarised for screen readers.
    const picture = page.getByTestId('neighbourhood');
    await expect.poll(() => picture.locator('canvas').count()).toBeGreaterThan(0);
    expect(await picture.getAttribute('aria-label')).toMatch(/^Kubernetes: 1 parents, \d+ children, \d+ siblings/);
    expect(await page.locator('#neighbourhood-caption').innerText()).not.toContain('needs WebGL');
    await expect.poll(() => page.getByRole('button', { name: 'Add alias' }).count()).toBe(0);
    await shot(page, 'workbench-anonymous');
    expect(remote).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an editor signs in, adds an alias and resolves a conflict on the description', async () => {
    const { page, errors } = await open();
    await page.getByLabel('API key').fill(KEYS.editor);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('role').innerText()).toBe('editor');
    await page.goto(`${svc.url}/editor#/skill/skill%3Aterraform`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Terraform');
    await expect.poll(() => page.getByTestId('usage').innerText()).toBe('0 jobs, 0 members');

    await page.getByLabel('New alias').fill('terraform iac');
    await page.getByRole('button', { name: 'Add alias' }).click();
    await expect.poll(() => page.getByTestId('aliases').innerText()).toContain('terraform iac');
    await expect.poll(() => page.getByTestId('history').innerText()).toContain('add skill alias');
    // A refused alias says why.
    await page.getByLabel('New alias').fill('Kubernetes');
    await page.getByRole('button', { name: 'Add alias' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Kubernetes');

    // The editor starts editing; meanwhile someone else changes the description.
    await page.getByRole('button', { name: 'Edit description' }).click();
    await page.getByRole('textbox', { name: 'Description' }).fill('Mine: infrastructure as code with Terraform.');
    const { version } = (await svc.gql('{ skill(id: "skill:terraform") { version } }')).body.data.skill;
    const theirs = await svc.gql(
      `mutation($v: Int!) { updateSkill(id: "skill:terraform", expectedVersion: $v, input: { description: "Theirs." }) { version } }`,
      { v: version },
      'editor',
    );
    expect(theirs.body.errors).toBeUndefined();
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByTestId('conflict');
    await expect.poll(() => conflict.innerText()).toContain('Theirs.');
    await shot(page, 'workbench-conflict');
    await conflict.getByRole('button', { name: 'Re-apply mine' }).click();
    await expect
      .poll(() => page.getByTestId('description').innerText())
      .toBe('Mine: infrastructure as code with Terraform.');
    const stored = (await svc.gql('{ skill(id: "skill:terraform") { description version } }')).body.data.skill;
    expect(stored).toEqual({ description: 'Mine: infrastructure as code with Terraform.', version: version + 2 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('occupations: browse the second tree, and an editor changes an occupation’s skills', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Occupations' }).click();
    const tree = page.getByRole('tree', { name: 'Occupations by group' });
    await expect.poll(() => tree.getByRole('treeitem').count(), { timeout: 20_000 }).toBeGreaterThan(100);
    await tree.getByRole('link', { name: 'Data engineer', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Data engineer');
    const essential = await page.getByTestId('skills-essential').innerText();
    expect(essential.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('button', { name: 'Save skills' }).count()).toBe(0);

    await page.getByLabel('API key').fill(KEYS.editor);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('role').innerText()).toBe('editor');
    const table = page.getByTestId('occupation-skills');
    const before = await table.locator('tbody tr').count();
    await page.getByLabel('Add a skill').fill('terraf');
    await page
      .getByRole('option', { name: /Terraform/ })
      .first()
      .waitFor();
    await page.getByLabel('Add a skill').press('Enter');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(before + 1);
    await page.getByLabel('Relation of Terraform').selectOption('OPTIONAL');
    await page.getByRole('button', { name: 'Save skills' }).click();
    await expect.poll(() => page.getByTestId('history').innerText()).toContain('set occupation skills');
    const stored = (
      await svc.gql(
        `{ occupation(id: "occupation:data-engineer") { version skills(first: 500) { skill { id } relation } } }`,
      )
    ).body.data.occupation;
    expect(stored.skills).toContainEqual({ skill: { id: 'skill:terraform' }, relation: 'OPTIONAL' });
    expect(stored.skills).toHaveLength(before + 1);
    await page.getByLabel('Aliases (comma-separated)').fill('big data developer, etl developer, pipeline builder');
    await page.getByRole('button', { name: 'Save names and description' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Aliases' }).innerText()).toContain('pipeline builder');
    await shot(page, 'workbench-occupation');
    const renamed = (await svc.gql(`{ occupation(id: "occupation:data-engineer") { version aliases } }`)).body.data
      .occupation;
    expect(renamed).toEqual({ version: 2, aliases: ['big data developer', 'etl developer', 'pipeline builder'] });

    // Into a group and out again.
    const group = await svc.gql(
      `mutation { createOccupation(input: { label: "Data professionals" }) { id } }`,
      {},
      'editor',
    );
    expect(group.body.errors).toBeUndefined();
    await page.getByLabel('Move into the group').fill('data profess');
    await page.getByRole('button', { name: 'Move into Data professionals' }).click();
    await expect.poll(() => page.locator('.meta').innerText()).toContain('in Data professionals');
    const parent = async () =>
      (await svc.gql(`{ occupation(id: "occupation:data-engineer") { parent { id } } }`)).body.data.occupation.parent;
    expect(await parent()).toEqual({ id: 'occupation:data-professionals' });
    await page.getByRole('button', { name: 'Take it out of Data professionals' }).click();
    await expect.poll(() => page.locator('.meta').innerText()).not.toContain('Data professionals');
    expect(await parent()).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('curation: mine related skills, accept one, dismiss one; the most rejected skills by domain', async () => {
    const job = (id: string, skills: string[]) =>
      svc.gql(
        `mutation($input: JobInput!) { upsertJob(input: $input) { job { id } } }`,
        { input: { id, company: 'Acme', skills: skills.map((skill) => ({ skill })) } },
        'admin',
      );
    for (let i = 0; i < 6; i++) await job(`j-cur-weld-${i}`, ['Terraform', 'Welding']);
    for (let i = 0; i < 5; i++) await job(`j-cur-books-${i}`, ['Bookkeeping', 'Python']);
    for (let i = 0; i < 4; i++) await job(`j-cur-other-${i}`, ['Bookkeeping']);
    const reject = await svc.gql(
      `mutation { rejectJobSkill(jobId: "j-cur-other-0", skill: "Bookkeeping", reason: "a typo") { feedback { decision } } }`,
      {},
      'admin',
    );
    expect(reject.body.errors).toBeUndefined();

    const { page, errors } = await open();
    await page.getByLabel('API key').fill(KEYS.editor);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Curation' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Curation');
    await expect.poll(() => page.getByTestId('most-rejected').innerText()).toContain('Bookkeeping');
    await expect.poll(() => page.getByTestId('unused-count').innerText()).toMatch(/^\d+ of \d+ active skills/);
    await page.getByRole('button', { name: 'Mine now' }).click();
    await expect.poll(() => page.getByTestId('curation-status').innerText()).toMatch(/Mined \d+ pairs: \d+ new/);
    const rows = page.getByTestId('suggestions').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'workbench-curation');

    await page.getByRole('button', { name: 'Accept Terraform – Welding' }).click();
    await expect.poll(() => page.getByTestId('curation-status').innerText()).toContain('Related Terraform and Welding');
    await page.getByLabel('Why dismiss Bookkeeping – Python').fill('coincidence');
    await page.getByRole('button', { name: 'Dismiss Bookkeeping – Python' }).click();
    await expect.poll(() => page.getByTestId('curation-status').innerText()).toContain('Dismissed');
    await expect.poll(() => page.getByRole('button', { name: /Terraform – Welding/ }).count()).toBe(0);

    const state = async (status: string) =>
      (
        await svc.gql(
          `query($s: SuggestionStatus) { relatedSkillSuggestions(status: $s) { from { id } to { id } dismissReason } }`,
          { s: status },
          'editor',
        )
      ).body.data.relatedSkillSuggestions;
    expect(await state('ACCEPTED')).toEqual([
      { from: { id: 'skill:terraform' }, to: { id: 'skill:welding' }, dismissReason: null },
    ]);
    expect(await state('DISMISSED')).toEqual([
      { from: { id: 'skill:bookkeeping' }, to: { id: 'skill:python' }, dismissReason: 'coincidence' },
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('unmapped terms: an editor adds a frequent one as an alias in one step, and creates another as a skill', async () => {
    const posting = (tool: string) =>
      `Data engineer\n\nRequirements\n- Experience with ${tool}\n- SQL\n\nBenefits\nFlexible hours.`;
    for (const [i, tool] of [
      'Snowpipe streaming',
      'Snowpipe streaming',
      'Snowpipe streaming',
      'Blorbql',
      'Blorbql',
    ].entries()) {
      const res = await svc.gql(
        `mutation($input: JobInput!) { upsertJob(input: $input) { job { id } } }`,
        { input: { id: `j-terms-${i}`, title: 'Data engineer', description: posting(tool) } },
        'admin',
      );
      expect(res.body.errors).toBeUndefined();
    }
    const { page, errors } = await open();
    await page.getByLabel('API key').fill(KEYS.editor);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Curation' }).click();
    const table = page.getByTestId('unmapped-terms');
    await expect.poll(() => table.innerText()).toContain('Snowpipe streaming');
    await expect.poll(() => table.innerText()).toContain('Experience with Snowpipe streaming');
    await shot(page, 'workbench-unmapped-terms');
    await page.getByLabel('Add “Snowpipe streaming” as an alias of').fill('snowfl');
    await page
      .getByRole('option', { name: /Snowflake/ })
      .first()
      .click();
    await expect
      .poll(() => page.getByTestId('terms-status').innerText())
      .toContain('Add alias “Snowpipe streaming” to Snowflake: done.');
    await expect.poll(() => table.innerText()).not.toContain('Snowpipe streaming');
    await page.getByRole('button', { name: 'Create skill “Blorbql”' }).click();
    await expect.poll(() => page.getByTestId('terms-status').innerText()).toContain('Create skill “Blorbql”: done.');
    const stored = await svc.gql(
      '{ a: skill(id: "skill:snowflake") { aliases } b: skill(id: "skill:blorbql") { label } }',
    );
    expect(stored.body.data.a.aliases).toContain('Snowpipe streaming');
    expect(stored.body.data.b).toEqual({ label: 'Blorbql' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('releases: an editor freezes the taxonomy, the live one moves on, and the diff shows what changed', async () => {
    const { page, errors } = await open();
    await page.getByLabel('API key').fill(KEYS.editor);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('role').innerText()).toBe('editor');
    await page.getByRole('link', { name: 'Releases' }).click();
    await page.getByLabel('New release').fill('2026.12');
    await page.getByLabel('Note').fill('first');
    await page.getByRole('button', { name: 'Freeze the taxonomy' }).click();
    await expect.poll(() => page.getByTestId('release-list').innerText()).toContain('2026.12');

    const { version } = (await svc.gql('{ skill(id: "skill:rust") { version } }')).body.data.skill;
    const renamed = await svc.gql(
      `mutation($v: Int!) { updateSkill(id: "skill:rust", expectedVersion: $v, input: { label: "Rust language" }) { id } }`,
      { v: version },
      'editor',
    );
    expect(renamed.body.errors).toBeUndefined();
    await page.getByLabel('Compare').selectOption('2026.12');
    await page.getByLabel('with').selectOption('');
    await page.getByRole('button', { name: 'Show changes' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Renamed' }).innerText())
      .toContain('Rust → Rust language');
    await shot(page, 'workbench-releases');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('structure: parents (a cycle is refused with its reason), related links, and a merge after its preview', async () => {
    const { page, errors } = await open();
    await page.getByLabel('API key').fill(KEYS.editor);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('role').innerText()).toBe('editor');
    const pick = async (label: string, text: string, option: RegExp) => {
      await page.getByLabel(label, { exact: true }).fill(text);
      await page.getByRole('option', { name: option }).first().waitFor();
      await page.getByLabel(label, { exact: true }).press('Enter');
    };
    await page.goto(`${svc.url}/editor#/skill/skill%3Akotlin`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Kotlin');

    await pick('Add a parent', 'Mobile dev', /Mobile development/);
    await expect.poll(() => page.locator('#links-parents + ul').innerText()).toContain('Mobile development');
    await pick('Relate to', 'Swift', /^Swift/);
    await expect.poll(() => page.locator('#related + ul').innerText()).toContain('Swift');

    // Programming languages under Kotlin would close a cycle: refused, with the reason shown.
    await page.goto(`${svc.url}/editor#/skill/skill%3Aprogramming-languages`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Programming languages');
    await pick('Add a parent', 'Kotlin', /^Kotlin/);
    await expect.poll(() => page.getByTestId('structure-error').innerText()).toContain('cycle');

    // Merge Ruby into Kotlin: the preview says what moves; merging opens the target, which now has Ruby's names.
    await page.goto(`${svc.url}/editor#/skill/skill%3Aruby`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Ruby');
    await pick('Merge into', 'Kotlin', /^Kotlin/);
    await expect.poll(() => page.getByTestId('merge-preview').innerText()).toContain('Merging Ruby into Kotlin');
    await shot(page, 'workbench-merge-preview');
    await page.getByRole('button', { name: 'Merge into Kotlin' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Kotlin');
    await expect.poll(() => page.getByTestId('aliases').innerText()).toContain('Ruby');
    const ruby = (await svc.gql('{ skill(id: "skill:ruby") { status replacedBy { id } } }')).body.data.skill;
    expect(ruby).toEqual({ status: 'DEPRECATED', replacedBy: { id: 'skill:kotlin' } });

    // Names: remove an alias, then rename.
    await page.getByRole('button', { name: 'Remove alias kotlin jvm' }).click();
    await expect.poll(() => page.getByTestId('aliases').innerText()).not.toContain('kotlin jvm');
    await page.getByLabel('Label', { exact: true }).fill('Kotlin language');
    await page.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Kotlin language');
    const kotlin = (await svc.gql('{ skill(id: "skill:kotlin") { label aliases } }')).body.data.skill;
    expect(kotlin.label).toBe('Kotlin language');
    expect(kotlin.aliases).not.toContain('kotlin jvm');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('change sets: an editor collects edits and proposes them; a reviewer reads the diff and approves', async () => {
    const { page, errors } = await open();
    await page.getByLabel('API key').fill(KEYS.editor);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('role').innerText()).toBe('editor');
    await page.getByRole('button', { name: 'Collect edits for review' }).click();
    await page.goto(`${svc.url}/editor#/skill/${encodeURIComponent('skill:docker')}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Docker');
    // Two edits into the draft: nothing reaches the taxonomy yet.
    await page.getByLabel('New alias').fill('docker engine');
    await page.getByRole('button', { name: 'Add alias' }).click();
    await expect.poll(() => page.getByTestId('drafted').innerText()).toContain('added to your draft');
    await page.getByRole('button', { name: 'Edit description' }).click();
    await page.getByRole('textbox', { name: 'Description' }).fill('Packaging and running applications in containers.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('changes-link').innerText()).toContain('2 drafted');
    const docker = () =>
      svc.gql('{ skill(id: "skill:docker") { aliases description } }').then((r) => r.body.data.skill);
    expect((await docker()).aliases).not.toContain('docker engine');

    await page.getByTestId('changes-link').click();
    await expect.poll(() => page.getByTestId('draft-edits').locator('li').count()).toBe(2);
    await page.getByLabel('Title').fill('Docker: alias and description');
    await page.getByRole('button', { name: 'Propose for review' }).click();
    await expect.poll(() => page.getByTestId('cs-status').innerText()).toBe('proposed');
    await expect.poll(() => page.getByTestId('cs-edits').innerText()).toContain('docker engine');
    // The proposer cannot approve; it waits for a reviewer.
    await expect.poll(() => page.getByRole('button', { name: 'Approve and apply' }).count()).toBe(0);
    const id = decodeURIComponent(page.url().split('#/changes/')[1]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').fill(KEYS.reviewer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('role').innerText()).toBe('reviewer');
    await page.getByRole('link', { name: 'Change sets' }).click();
    await page.getByRole('link', { name: 'Docker: alias and description' }).click();
    await expect.poll(() => page.getByTestId('cs-edits').innerText()).toContain('Packaging and running applications');
    await shot(page, 'workbench-changeset-review');
    await page.getByLabel(/^Comment/).fill('Looks right.');
    await page.getByRole('button', { name: 'Approve and apply' }).click();
    await expect.poll(() => page.getByTestId('cs-status').innerText()).toBe('applied');
    await expect.poll(() => page.getByTestId('cs-comments').innerText()).toContain('Looks right.');
    expect(await docker()).toMatchObject({
      aliases: expect.arrayContaining(['docker engine']),
      description: 'Packaging and running applications in containers.',
    });
    const cs = await svc.gql(`query($id: ID!) { changeSet(id: $id) { status } }`, { id }, 'editor');
    expect(cs.body.data.changeSet.status).toBe('APPLIED');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a tablet: the hierarchy stacks above the page', async () => {
    const { page } = await open(768);
    await page.getByRole('tree').getByRole('treeitem').first().waitFor({ timeout: 20_000 });
    const side = await page.locator('.side').boundingBox();
    const main = await page.locator('.main').boundingBox();
    expect(main!.y).toBeGreaterThan(side!.y);
    expect(side!.width).toBeLessThanOrEqual(768);
    await shot(page, 'workbench-tablet');
    await page.close();
  });
});
