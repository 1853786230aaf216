/**
 * X publishes an OpenAPI document for its API (https://api.x.com/2/openapi.json). A trimmed copy of
 * the operations the hub calls is in tests/fixtures/specs/x-api-v2.json (source and date inside):
 * the requests the X adapter sends are checked against its parameters, and the fake X's scope rules
 * against its security requirements, so neither is only our own reading of X's prose.
 */
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { channel } from '../scripts/channels/registry.ts';
import { syndicate } from '../scripts/syndicate/run.ts';
import { X_SCOPES, type FakeRequest } from './helpers/fake-networks.ts';
import {
  makeSyndicationFixture,
  SAMPLE_ESSAY,
  startLocalNetworks,
  startPds,
  type LocalNetworks,
  type Pds,
  type SyndicationFixture,
} from './helpers/syndication.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

interface Parameter {
  name?: string;
  in?: string;
  required?: boolean;
  schema?: { type?: string };
  $ref?: string;
}
interface Operation {
  operationId: string;
  security: Array<Record<string, string[]>>;
  parameters?: Parameter[];
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { parameters: Record<string, Parameter> };
}

const spec = JSON.parse(await readFile(new URL('./fixtures/specs/x-api-v2.json', import.meta.url), 'utf8')) as Spec;
const ajv = new Ajv({ allErrors: true });
addFormats.default(ajv);

/** The operation a request is for, matching `{id}` templates; undefined for one the trimmed copy leaves out. */
function operationFor(request: Pick<FakeRequest, 'method' | 'path'>): { template: string; operation: Operation } | undefined {
  for (const [template, methods] of Object.entries(spec.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = methods[request.method.toLowerCase()];
    if (operation && pattern.test(request.path)) return { template, operation };
  }
  return undefined;
}

const resolve = (parameter: Parameter): Parameter =>
  parameter.$ref ? spec.components.parameters[parameter.$ref.split('/').pop()!]! : parameter;

/** Problems with a request's query string by the operation's parameters: unknown names, missing required ones, invalid values. */
function queryProblems(request: FakeRequest, operation: Operation): string[] {
  const parameters = (operation.parameters ?? []).map(resolve).filter((parameter) => parameter.in === 'query');
  const problems: string[] = [];
  for (const parameter of parameters) {
    if (parameter.required && !request.query.has(parameter.name!)) problems.push(`${parameter.name}: required`);
  }
  for (const [name, raw] of request.query) {
    const parameter = parameters.find((candidate) => candidate.name === name);
    if (!parameter) {
      problems.push(`${name}: not a parameter of ${operation.operationId}`);
      continue;
    }
    // style: form, explode: false — an array is one comma-separated value; an integer is written in decimal.
    const value = parameter.schema?.type === 'array' ? raw.split(',') : parameter.schema?.type === 'integer' ? Number(raw) : raw;
    const validate = ajv.compile(parameter.schema!);
    if (!validate(value)) problems.push(`${name}=${raw}: ${ajv.errorsText(validate.errors)}`);
  }
  return problems;
}

describe('the trimmed X OpenAPI document', () => {
  test('says POST /2/tweets needs tweet.read, tweet.write and users.read (not the two some pages list)', () => {
    expect(operationFor({ method: 'POST', path: '/2/tweets' })?.operation.security[0]?.['OAuth2UserToken']?.toSorted()).toEqual([
      'tweet.read',
      'tweet.write',
      'users.read',
    ]);
  });

  test('catches a request X would refuse: an out-of-range max_results, an unknown field, a missing query', () => {
    const search = operationFor({ method: 'GET', path: '/2/tweets/search/recent' })!.operation;
    const request = (query: string) =>
      ({ method: 'GET', path: '/2/tweets/search/recent', query: new URLSearchParams(query) }) as FakeRequest;
    expect(queryProblems(request('query=conversation_id%3A1&max_results=100&tweet.fields=author_id,note_tweet'), search)).toEqual([]);
    expect(queryProblems(request('max_results=5&tweet.fields=author_id,likes&colour=red'), search)).toEqual([
      'query: required',
      expect.stringMatching(/^max_results=5: /),
      expect.stringMatching(/^tweet\.fields=author_id,likes: /),
      'colour: not a parameter of searchPostsRecent',
    ]);
  });

  test('the fake X requires exactly the scopes the document gives each operation', () => {
    for (const [template, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const path = template.replace('{id}', '1860000000000000000');
        const rule = X_SCOPES.find((candidate) => candidate.method === method.toUpperCase() && candidate.path.test(path));
        expect(rule?.scopes.toSorted(), `${method} ${template}`).toEqual(
          operation.security.find((entry) => entry['OAuth2UserToken'])?.['OAuth2UserToken']?.toSorted(),
        );
      }
    }
  });
});

describe('the X adapter’s requests', () => {
  let pds: Pds;
  let networks: LocalNetworks;
  let fixture: SyndicationFixture;

  beforeAll(async () => {
    pds = await startPds();
    networks = await startLocalNetworks(pds);
    fixture = await makeSyndicationFixture([SAMPLE_ESSAY]);
  });
  afterAll(async () => {
    await networks?.close();
    await fixture?.cleanup();
    await pds?.close();
  });

  test('post, look before posting again, and read back with recent search: every query parameter is one the document defines, with a valid value', async () => {
    const env = networks.env;
    await syndicate({ cwd: fixture.root, env, only: ['x'], timeoutMs: ANSWER_TIMEOUT_MS });
    const adapter = (await channel('x')).adapter(env, { fetch: globalThis.fetch, timeoutMs: ANSWER_TIMEOUT_MS, now: Date.now });
    if ('missing' in adapter) throw new Error(adapter.missing.join(', '));
    const [tweet] = networks.x.tweets;
    networks.x.reply(tweet!.id, {
      author: { id: '7', name: 'Ada', username: 'ada_l' },
      text: 'Agreed.',
      createdAt: '2026-11-20T10:00:00.000Z',
    });
    await adapter.readBack({ remoteId: tweet!.id, url: `https://x.com/i/status/${tweet!.id}` });
    // A resume: the adapter looks among recent posts (an operation the trimmed copy does not hold).
    await adapter.publish(
      {
        network: 'x',
        itemKey: 'essay/owning-the-wind',
        text: tweet!.text,
        length: 0,
        limit: 280,
        unit: 'weighted characters',
        link: { url: 'https://morwennahale.example/essays/owning-the-wind/', title: '', description: '' },
        override: false,
      },
      { key: 'k', resume: true, startedAt: new Date().toISOString() },
    );

    const checked = networks.x.requests.flatMap((request) => {
      const found = operationFor(request);
      return found ? [{ request, ...found }] : [];
    });
    expect(checked.map(({ operation }) => operation.operationId).toSorted()).toEqual(['createPosts', 'getPostsById', 'searchPostsRecent']);
    for (const { request, operation } of checked)
      expect(queryProblems(request, operation), `${request.method} ${request.path}?${request.query}`).toEqual([]);
    // The one post a resume found was not posted again.
    expect(networks.x.tweets).toHaveLength(1);
  });
});
