import { DATABASE_KINDS } from '../../test/testkit/databases';
import { outboxTypes } from '../../test/testkit/outbox';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';

const APP = `id name vendor version edition description`;
const COMPUTER_A = '11111111-1111-4111-8111-111111111111';
const COMPUTER_B = '22222222-2222-4222-8222-222222222222';

describe.each(DATABASE_KINDS)('compliance catalog on %s', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('compliance', kind); });
  afterAll(async () => { await t?.stop(); });

  const createApplication = (input: Record<string, unknown>) =>
    t.api.ok(`mutation($i: ApplicationInput!) { createApplication(input: $i) { ${APP} } }`, { i: input }).then((d) => d.createApplication);
  const createCoverage = (input: Record<string, unknown>) =>
    t.api.raw(`mutation($i: ExtendedCoverageInput!) { createExtendedCoverage(input: $i) { id } }`, { i: input });

  let visio: { id: string };
  let project: { id: string };

  test('createApplication stores the application and refuses a duplicate or a blank name', async () => {
    visio = await createApplication({ name: ' Visio ', vendor: 'Microsoft', version: '2021', edition: 'Professional' });
    expect(visio).toEqual({ id: expect.any(String), name: 'Visio', vendor: 'Microsoft', version: '2021', edition: 'Professional', description: null });
    project = await createApplication({ name: 'Project', vendor: 'Microsoft', description: 'Planning' });
    await createApplication({ name: 'Acrobat', vendor: 'Adobe' });
    const duplicate = await t.api.fails('CONFLICT', `mutation { createApplication(input: { name: "Visio", vendor: "Microsoft", version: "2021", edition: "Professional" }) { id } }`);
    expect(duplicate.extensions?.argumentPath).toEqual(['input', 'name']);
    const blank = await t.api.fails('BAD_USER_INPUT', `mutation { createApplication(input: { name: "  " }) { id } }`);
    expect(blank.extensions?.argumentPath).toEqual(['input', 'name']);
  });

  test('applications are listed by name and filtered with the filter language', async () => {
    const all = await t.api.ok(`{ applications { totalCount edges { node { name } } } }`);
    expect(all.applications).toEqual({ totalCount: 3, edges: [{ node: { name: 'Acrobat' } }, { node: { name: 'Project' } }, { node: { name: 'Visio' } }] });
    const microsoft = await t.api.ok(`{ applications(filter: "vendor -eq \\"Microsoft\\" -and name -startswith \\"vi\\"") { edges { node { ${APP} } } } }`);
    expect(microsoft.applications.edges).toEqual([{ node: { ...visio, name: 'Visio' } }]);
    const page = await t.api.ok(`{ applications(first: 1, after: "${Buffer.from('offset:0').toString('base64url')}") { edges { node { name } } pageInfo { hasNextPage hasPreviousPage } } }`);
    expect(page.applications).toEqual({ edges: [{ node: { name: 'Project' } }], pageInfo: { hasNextPage: true, hasPreviousPage: true } });
    const bad = await t.api.fails('BAD_USER_INPUT', `{ applications(filter: "colour -eq \\"red\\"") { totalCount } }`);
    expect(bad.extensions?.argumentPath).toEqual(['filter']);
  });

  test('application(id) finds one, or null for an unknown or malformed ID', async () => {
    const found = await t.api.ok(`query($id: ID!) { application(id: $id) { name } }`, { id: visio.id });
    expect(found.application).toEqual({ name: 'Visio' });
    expect((await t.api.ok(`{ application(id: "${COMPUTER_A}") { id } }`)).application).toBeNull();
    expect((await t.api.ok(`{ application(id: "not-a-uuid") { id } }`)).application).toBeNull();
  });

  test('createMetric stores the metric; metrics are listed by name; names are unique', async () => {
    const users = await t.api.ok(`mutation { createMetric(input: { name: "Users", description: "Per named user" }) { id name description } }`);
    expect(users.createMetric).toEqual({ id: expect.any(String), name: 'Users', description: 'Per named user' });
    await t.api.ok(`mutation { createMetric(input: { name: "Installations" }) { id } }`);
    await t.api.fails('CONFLICT', `mutation { createMetric(input: { name: "Users" }) { id } }`);
    const list = await t.api.ok(`{ metrics { totalCount edges { node { name description } } } }`);
    expect(list.metrics).toEqual({ totalCount: 2, edges: [{ node: { name: 'Installations', description: null } }, { node: { name: 'Users', description: 'Per named user' } }] });
    const one = await t.api.ok(`query($id: ID!) { metric(id: $id) { name } }`, { id: users.createMetric.id });
    expect(one.metric).toEqual({ name: 'Users' });
  });

  test('extended coverage types are created once per name and filtered by name', async () => {
    for (const name of ['Passive', 'Disaster']) await t.api.ok(`mutation { createExtendedCoverageType(input: { name: "${name}" }) { id } }`);
    await t.api.fails('CONFLICT', `mutation { createExtendedCoverageType(input: { name: "Passive" }) { id } }`);
    const all = await t.api.ok(`{ extendedCoverageTypes { totalCount edges { node { name } } } }`);
    expect(all.extendedCoverageTypes).toEqual({ totalCount: 2, edges: [{ node: { name: 'Disaster' } }, { node: { name: 'Passive' } }] });
    const passive = await t.api.ok(`{ extendedCoverageTypes(filter: "name -eq \\"Passive\\"") { edges { node { name } } } }`);
    expect(passive.extendedCoverageTypes.edges).toEqual([{ node: { name: 'Passive' } }]);
  });

  test('createExtendedCoverage stores a coverage whose reason is a coverage type', async () => {
    const input = { parentComputerId: COMPUTER_A, extendedComputerId: COMPUTER_B, applicationId: visio.id, coveredApplicationId: project.id, reason: 'Disaster', reasonDescription: 'The recovery reason description' };
    const created = await t.api.ok(`mutation($i: ExtendedCoverageInput!) { createExtendedCoverage(input: $i) {
      id parentComputerId isParentComputerDatacenter extendedComputerId applicationId coveredApplicationId reason reasonDescription
      application { name } coveredApplication { name } } }`, { i: input });
    const { reason: _r, ...ids } = input;
    expect(created.createExtendedCoverage).toEqual({ id: expect.any(String), ...ids, reason: 'Disaster', isParentComputerDatacenter: false, application: { name: 'Visio' }, coveredApplication: { name: 'Project' } });
    const byId = await t.api.ok(`query($id: ID!) { extendedCoverage(coverageId: $id) { reason extendedComputerId } }`, { id: created.createExtendedCoverage.id });
    expect(byId.extendedCoverage).toEqual({ reason: 'Disaster', extendedComputerId: COMPUTER_B });
    const filtered = await t.api.ok(`{ extendedCoverages(filter: "reason -eq \\"Disaster\\" -and parentComputerId -eq \\"${COMPUTER_A}\\"") { totalCount edges { node { id } } } }`);
    expect(filtered.extendedCoverages).toEqual({ totalCount: 1, edges: [{ node: { id: created.createExtendedCoverage.id } }] });
    expect((await t.api.ok(`{ extendedCoverages(filter: "isParentComputerDatacenter -eq true") { totalCount } }`)).extendedCoverages.totalCount).toBe(0);
  });

  test('createExtendedCoverage refuses unknown reasons and applications, malformed IDs and self-coverage', async () => {
    const base = { parentComputerId: COMPUTER_A, extendedComputerId: COMPUTER_B, applicationId: visio.id, coveredApplicationId: project.id, reason: 'Passive' };
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ reason: 'Holiday' }, ['input', 'reason']],
      [{ applicationId: COMPUTER_A }, ['input', 'applicationId']],
      [{ coveredApplicationId: 'x' }, ['input', 'coveredApplicationId']],
      [{ parentComputerId: 'computer-1' }, ['input', 'parentComputerId']],
      [{ extendedComputerId: COMPUTER_A }, ['input', 'extendedComputerId']],
    ];
    const before = await outboxTypes(t.subgraph.orm);
    for (const [change, path] of cases) {
      const response = await createCoverage({ ...base, ...change });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: path });
    }
    expect(await outboxTypes(t.subgraph.orm)).toEqual(before);
    expect((await createCoverage({ ...base, extendedComputerId: COMPUTER_A, isParentComputerDatacenter: true })).errors).toBeUndefined();
  });

  test('every creation recorded its event in the outbox', async () => {
    expect(await outboxTypes(t.subgraph.orm)).toEqual([
      'application.created', 'application.created', 'application.created', 'metric.created', 'metric.created',
      'extended-coverage-type.created', 'extended-coverage-type.created', 'extended-coverage.created', 'extended-coverage.created',
    ]);
  });

  test('_entities resolves applications, metrics, coverage types and coverages', async () => {
    const { metrics } = await t.api.ok(`{ metrics(first: 1) { edges { node { id } } } }`);
    const { extendedCoverageTypes: types } = await t.api.ok(`{ extendedCoverageTypes(first: 1) { edges { node { id } } } }`);
    const { extendedCoverages: coverages } = await t.api.ok(`{ extendedCoverages(first: 1) { edges { node { id } } } }`);
    const representations = [
      { __typename: 'Application', id: visio.id },
      { __typename: 'Metric', id: metrics.edges[0].node.id },
      { __typename: 'ExtendedCoverageType', id: types.edges[0].node.id },
      { __typename: 'ExtendedCoverage', id: coverages.edges[0].node.id },
      { __typename: 'Application', id: 'not-a-uuid' },
    ];
    const data = await t.api.ok(`query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Application { name } ... on Metric { name } ... on ExtendedCoverageType { name } ... on ExtendedCoverage { reason } } }`, { r: representations });
    expect(data._entities).toEqual([{ name: 'Visio' }, { name: 'Installations' }, { name: 'Disaster' }, { reason: 'Disaster' }, null]);
  });
});
