import { readFileSync } from 'node:fs';
import * as client from '../../src/client/index.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const docs = {
  'README.md': read('../../../../README.md'),
  'docs/token-client.md': read('../../../../docs/token-client.md'),
};

/** Every error class the client entry point exports, by its stable code. */
const codes = Object.values(client)
  .map((value) => (value as { code?: unknown }).code)
  .filter((code): code is string => typeof code === 'string' && code.startsWith('ERR_'));

describe('the error tables list every code the token client can throw', () => {
  it('finds the codes to check', () => {
    expect(codes).toEqual(
      expect.arrayContaining(['ERR_INVALID_OPTION', 'ERR_TOKEN_REQUEST_WRONG_AUDIENCE']),
    );
  });

  it.each(Object.keys(docs) as (keyof typeof docs)[])('%s', (file) => {
    const missing = codes.filter((code) => !docs[file].includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});
