import { type RunningEmulator } from '../src/emulator.js';
import { startTestEmulator, tokenFor } from './helpers.js';
import { AUTHZ_API, getApi } from './authz-api.support.js';

// What the emulator's Authorization Service API answers, read from the default registry.
let emulator: RunningEmulator;
let token: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  token = await tokenFor(emulator, 'caller', AUTHZ_API);
});
afterAll(() => emulator.close());

const get = (path: string) => getApi(emulator, path, token);
const identifiers = (body: Record<string, unknown>) =>
  (body.data as { groupIdentifier: string }[]).map((group) => group.groupIdentifier);

describe('GET /api/v1.0/Identity/{id}/groups', () => {
  it.each([
    ['Identity/caller/groups', ['reporting-apps', 'target-api-writers']],
    [
      'Identity/caller/groups?recursive=true',
      ['authz-api-readers', 'reporting-apps', 'target-api-readers', 'target-api-writers'],
    ],
    [
      'Identity/caller/groups/recursive',
      ['authz-api-readers', 'reporting-apps', 'target-api-readers', 'target-api-writers'],
    ],
    ['Identity/stranger/groups?recursive=true', []],
  ])('%s -> %j', async (path, groups) => {
    const { status, body } = await get(path);
    expect(status).toBe(200);
    expect(identifiers(body)).toEqual(groups);
    expect(body.pagination).toEqual({
      offset: 0,
      limit: 1000,
      total: groups.length,
      next: null,
      previous: null,
    });
  });

  it('finds the identity by its GUID as well as by its client id', async () => {
    const { body } = await get('Identity/current');
    const { id } = body.data as { id: string };
    expect(identifiers((await get(`Identity/${id}/groups`)).body)).toEqual([
      'reporting-apps',
      'target-api-writers',
    ]);
  });

  it('refuses a recursive flag that is not true or false', async () => {
    const { status, body } = await get('Identity/caller/groups?recursive=yes');
    expect(status).toBe(400);
    expect(body.message).toBe('recursive: expected true or false, got "yes"');
  });
});

describe('GET /api/v1.0/Group', () => {
  it.each([
    ['groupIdentifier:target-api-readers', ['target-api-readers']],
    ['groupIdentifier:TARGET-API-READERS', ['target-api-readers']],
    ['groupIdentifier:eq:audit-apps', ['audit-apps']],
    ['groupIdentifier:contains:admins', ['target-api-admins']],
    ['displayName:contains:apps', ['audit-apps', 'reporting-apps']],
    ['groupIdentifier:no-such-group', []],
  ])('filter=%s -> %j', async (filter, groups) => {
    const { status, body } = await get(`Group?filter=${encodeURIComponent(filter)}`);
    expect(status).toBe(200);
    expect(identifiers(body)).toEqual(groups);
  });

  it('applies every repeated filter', async () => {
    const { body } = await get(
      'Group?filter=groupIdentifier:contains:target&filter=groupIdentifier:contains:read',
    );
    expect(identifiers(body)).toEqual(['target-api-readers']);
  });

  it.each([
    ['readers', 'filter "readers": expected <field>:<value> or <field>:<operator>:<value>'],
    [
      'owner:me',
      'filter "owner:me": unknown field "owner" (expected one of groupIdentifier, displayName, id)',
    ],
    [
      'groupIdentifier:like:x',
      'filter "groupIdentifier:like:x": unknown operator "like" (expected one of eq, contains)',
    ],
    ['groupIdentifier:', 'filter "groupIdentifier:": empty value'],
    ['groupIdentifier:eq:', 'filter "groupIdentifier:eq:": empty value'],
  ])('refuses filter=%s with 400 naming the problem', async (filter, message) => {
    const { status, body } = await get(`Group?filter=${encodeURIComponent(filter)}`);
    expect({ status, body }).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message },
    });
  });
});

describe('pagination', () => {
  // The default registry has 7 groups.
  it('pages with offset and limit, linking the next and previous pages', async () => {
    const first = await get('Group?limit=3');
    expect(identifiers(first.body)).toEqual(['audit-apps', 'authz-api-readers', 'reporting-apps']);
    expect(first.body.pagination).toEqual({
      offset: 0,
      limit: 3,
      total: 7,
      next: '/api/v1.0/Group?limit=3&offset=3',
      previous: null,
    });
    const { next } = first.body.pagination as { next: string };
    const middle = await getApi(emulator, next.replace('/api/v1.0/', ''), token);
    expect(middle.body.pagination).toMatchObject({
      offset: 3,
      next: '/api/v1.0/Group?limit=3&offset=6',
      previous: '/api/v1.0/Group?limit=3&offset=0',
    });
    const last = await get('Group?offset=5&limit=3');
    expect(identifiers(last.body)).toEqual(['target-api-readers', 'target-api-writers']);
    expect(last.body.pagination).toMatchObject({
      next: null,
      previous: '/api/v1.0/Group?offset=2&limit=3',
    });
  });

  it('keeps the filter in the links and answers an empty page past the end', async () => {
    const { body } = await get('Group?filter=groupIdentifier:contains:target&limit=1&offset=1');
    expect(body.pagination).toMatchObject({
      total: 4,
      next: '/api/v1.0/Group?filter=groupIdentifier%3Acontains%3Atarget&limit=1&offset=2',
    });
    expect((await get('Group?offset=100')).body).toMatchObject({
      data: [],
      pagination: { total: 7 },
    });
  });

  it.each([
    ['limit=0', 'limit: expected an integer from 1 to 5000, got "0"'],
    ['limit=5001', 'limit: expected an integer from 1 to 5000, got "5001"'],
    ['limit=2.5', 'limit: expected an integer from 1 to 5000, got "2.5"'],
    ['offset=-1', 'offset: expected an integer from 0 to 9007199254740991, got "-1"'],
    ['offset=first', 'offset: expected an integer from 0 to 9007199254740991, got "first"'],
    ['offset=1&offset=2', 'offset: given more than once'],
  ])('refuses %s with 400 naming the parameter', async (query, message) => {
    for (const path of ['Group', 'Identity/caller/groups', 'Application/target-api/roles']) {
      const { status, body } = await get(`${path}?${query}`);
      expect({ path, status, message: body.message }).toEqual({ path, status: 400, message });
    }
  });

  it('accepts the bounds themselves', async () => {
    expect((await get('Group?limit=1&offset=0')).status).toBe(200);
    expect((await get('Group?limit=5000')).status).toBe(200);
  });
});

describe('GET /api/v1.0/Group/{id}', () => {
  it('finds a group by groupIdentifier and by GUID', async () => {
    const byName = await get('Group/target-api-readers');
    expect(byName.body.data).toEqual({
      id: expect.any(String),
      groupIdentifier: 'target-api-readers',
      displayName: 'target-api-readers',
    });
    const { id } = byName.body.data as { id: string };
    expect((await get(`Group/${id}`)).body).toEqual(byName.body);
  });
});

describe('GET /api/v1.0/Application/{id}/roles', () => {
  it('lists the roles an application defines, and the groups each is assigned to', async () => {
    const { status, body } = await get('Application/target-api/roles');
    expect(status).toBe(200);
    const roles = body.data as { id: string; name: string }[];
    expect(roles.map((role) => role.name)).toEqual(['reader', 'writer', 'admin', 'auditor']);
    expect(roles[0]).toEqual({
      id: expect.any(String),
      name: 'reader',
      displayName: 'reader',
      description: 'List reports',
      required: false,
      multifactor: false,
      applyToAllUsers: false,
      applicationId: expect.any(String),
    });
    const byId = await get(`Application/target-api/roles/${roles[0]!.id}/groups`);
    expect(identifiers(byId.body)).toEqual(['target-api-readers']);
    expect(identifiers((await get('Application/target-api/roles/auditor/groups')).body)).toEqual([
      'target-api-auditors',
    ]);
  });

  it('answers an application without roles with an empty list', async () => {
    expect((await get('Application/caller/roles')).body).toMatchObject({
      data: [],
      pagination: { total: 0 },
    });
  });
});

describe('unknown ids', () => {
  it.each([
    ['Identity/nobody', 'Identity "nobody" does not exist'],
    ['Identity/nobody/groups?recursive=true', 'Identity "nobody" does not exist'],
    ['Group/no-such-group', 'Group "no-such-group" does not exist'],
    ['Application/no-such-app/roles', 'Application "no-such-app" does not exist'],
    [
      'Application/target-api/roles/owner/groups',
      'Role of application "target-api" "owner" does not exist',
    ],
  ])('GET %s is 404: %s', async (path, message) => {
    const { status, body } = await get(path);
    expect({ status, body }).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message },
    });
  });
});
