import { openSecret, sealSecret, secretsKey } from './secrets';

const SECRET = 'a-long-test-secret-for-sealing';
const PLAIN = '-----BEGIN PRIVATE KEY-----\nsealed before the move\n-----END PRIVATE KEY-----\n';
/** `PLAIN` sealed under `SECRET` by the code this module replaced (licenses' `sealPrivateKey`): rows at rest hold such values. */
const SEALED_BEFORE_THE_MOVE =
  'v1.YQTKbWv4OpZfz7MiIWCi3A.rjFLah-hU53zcHkz.OWZgPLSPLcq5N4BIytTsgQ.gOR-lIWtEZGl5ma_qFD-xJQhgvQRj99OYm2Af5gfRlvMmijSnIW4rqqW6pn-KZrZWBuF7fLccPlN9MVIMvSVwlNsS2ZyfTBEPdTfuZk';

describe('sealSecret / openSecret', () => {
  it('round-trips and hides the value', () => {
    const sealed = sealSecret(PLAIN, SECRET);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(sealed).toMatch(/^v1(\.[A-Za-z0-9_-]+){4}$/);
    expect(openSecret(sealed, SECRET)).toBe(PLAIN);
  });

  it('opens values sealed before it moved to lib/ (the format is unchanged)', () => {
    expect(openSecret(SEALED_BEFORE_THE_MOVE, SECRET)).toBe(PLAIN);
  });

  it('round-trips any UTF-8 text, including the empty string', () => {
    for (const plain of ['', 'p@ss wörd ✓', 'x'.repeat(4096)]) expect(openSecret(sealSecret(plain, SECRET), SECRET)).toBe(plain);
  });

  it('uses a random salt and IV, so sealing twice differs', () => {
    const a = sealSecret(PLAIN, SECRET);
    const b = sealSecret(PLAIN, SECRET);
    expect(a).not.toBe(b);
    expect(openSecret(b, SECRET)).toBe(PLAIN);
  });

  it('fails with a wrong secret, without saying which of secret or data is wrong', () => {
    expect(() => openSecret(sealSecret(PLAIN, SECRET), `${SECRET}x`)).toThrow('The sealed secret could not be opened (wrong secret or tampered data)');
  });

  it.each([1, 2, 3, 4])('fails when part %i is tampered with', (index) => {
    const parts = sealSecret(PLAIN, SECRET).split('.');
    const part = parts[index];
    parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
    expect(() => openSecret(parts.join('.'), SECRET)).toThrow(/could not be opened|malformed/);
  });

  it.each(['', 'v1', 'v2.a.b.c.d', 'v1.a.b.c', 'not-sealed-at-all'])('rejects the malformed string %p', (sealed) => {
    expect(() => openSecret(sealed, SECRET)).toThrow('The sealed secret is malformed');
  });

  it('refuses an empty secret', () => {
    expect(() => sealSecret(PLAIN, '')).toThrow('The sealing secret must not be empty');
  });
});

describe('secretsKey', () => {
  const saved = process.env.SIGNING_KEY_SECRET;
  afterEach(() => {
    if (saved === undefined) delete process.env.SIGNING_KEY_SECRET;
    else process.env.SIGNING_KEY_SECRET = saved;
  });

  it('is SIGNING_KEY_SECRET, with the development value when it is unset', () => {
    process.env.SIGNING_KEY_SECRET = 'k'.repeat(32);
    expect(secretsKey()).toBe('k'.repeat(32));
    delete process.env.SIGNING_KEY_SECRET;
    expect(secretsKey()).toBe('development-signing-key-secret');
  });
});
