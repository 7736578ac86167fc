import { describe, expect, it } from 'vitest';
import { issuesOf, isValid } from './helpers';

const cases: Record<string, { valid: string[]; invalid: string[] }> = {
  'date-time': {
    valid: [
      '2024-02-29T12:00:00Z',
      '1963-06-19T08:30:06.283185Z',
      '1937-01-01T12:00:27.87+00:20',
      '1990-12-31T15:59:60-08:00',
      '1998-12-31T23:59:60Z',
      '2024-01-01t00:00:00z',
    ],
    invalid: [
      '2023-02-29T12:00:00Z',
      '1990-02-31T15:59:59.123-08:00',
      '1998-12-31T23:59:61Z',
      '1998-12-31T22:59:60Z',
      '2024-01-01 12:00:00Z',
      '2024-01-01T12:00:00',
      '06/19/1963 08:30:06 PST',
      '2013-350T01:01:01',
      '',
    ],
  },
  date: {
    valid: ['1963-06-19', '2020-01-31', '2020-02-29', '2000-02-29'],
    invalid: [
      '2021-02-29',
      '1900-02-29',
      '2020-13-01',
      '2020-04-31',
      '2020-00-10',
      '06/19/1963',
      '1998-1-20',
      '1963-06-19T08:30:06Z',
    ],
  },
  time: {
    valid: ['08:30:06Z', '08:30:06.283185Z', '23:59:60Z', '15:59:60-08:00', '08:30:06+01:00'],
    invalid: [
      '08:30:06',
      '24:00:00Z',
      '08:60:00Z',
      '22:59:60Z',
      '08:30:06 PST',
      '8:30:06Z',
      '08:30:06+24:00',
    ],
  },
  email: {
    valid: [
      'joe.bloggs@example.com',
      'te~st@example.com',
      '"joe bloggs"@example.com',
      'joe.bloggs@[127.0.0.1]',
      'joe.bloggs@[IPv6:::1]',
      'a+tag@sub.example.org',
    ],
    invalid: [
      '2962',
      '.test@example.com',
      'test.@example.com',
      'te..st@example.com',
      'joe.bloggs@invalid=domain.com',
      'joe.bloggs@[127.0.0.300]',
      '@example.com',
      'a@',
    ],
  },
  hostname: {
    valid: [
      'www.example.com',
      'localhost',
      'xn--4gbwdl.xn--wgbh1c',
      'a'.repeat(63),
      'ab--cd.example',
    ],
    invalid: [
      '-a-host',
      'a-host-',
      'not_a_valid_host',
      '',
      '.',
      '.example.com',
      'a'.repeat(64),
      `${'a.'.repeat(127)}ab`,
    ],
  },
  ipv4: {
    valid: ['192.168.0.1', '0.0.0.0', '255.255.255.255'],
    invalid: [
      '127.0.0.0.1',
      '256.256.256.256',
      '127.0',
      '0x7f000001',
      '087.10.0.1',
      '1.2.3.4 ',
      '১২৭.0.0.1',
    ],
  },
  ipv6: {
    valid: [
      '::1',
      '::',
      '::42:ff:1',
      '1:2:3:4:5:6:7:8',
      'd6::',
      '::ffff:192.168.0.1',
      '1:2:3:4:5:6:1.2.3.4',
      'FFFF::',
    ],
    invalid: [
      '12345::',
      '::abcef',
      '1:1:1:1:1:1:1:1:1',
      '1:2::3::4',
      ':2:3:4:5:6:7:8',
      '1::2:192.168.256.1',
      'fe80::1%eth0',
      ' ::1',
      '1:2:3:4:5:6:7',
    ],
  },
  uri: {
    valid: [
      'http://foo.bar/?baz=qux#quux',
      'https://example.com/a%20b',
      'mailto:John.Doe@example.com',
      'urn:oasis:names:specification:docbook:dtd:xml:4.1.2',
      'http://[2001:db8::7]/c=GB?objectClass?one',
      'tel:+1-816-555-1212',
      'ldap://[2001:db8::7]/c=GB?objectClass?one',
    ],
    invalid: [
      '//foo.bar/?baz=qux#quux',
      '/abc',
      'abc',
      '\\\\WINDOWS\\fileshare',
      'http:// shouldfail.com',
      ':// should fail',
      'bar,baz:foo',
      'https://[@example.org/test.txt',
      'http://a/%zz',
    ],
  },
  'uri-reference': {
    valid: [
      'http://foo.bar/?baz=qux#quux',
      '//foo.bar/?baz=qux#quux',
      '/abc',
      'abc',
      '#fragment',
      '',
      '../x?y',
    ],
    invalid: ['\\\\WINDOWS\\fileshare', '#frag\\ment', 'a b'],
  },
  uuid: {
    valid: [
      '2EB8AA08-AA98-11EA-B4AA-73B441D16380',
      '2eb8aa08-aa98-11ea-b4aa-73b441d16380',
      '00000000-0000-0000-0000-000000000000',
    ],
    invalid: [
      '2eb8aa08-aa98-11ea-b4aa-73b441d1638',
      '2eb8aa08aa9811eab4aa73b441d16380',
      '2eb8-aa08-aa98-11ea-b4aa73b441d16380',
      '2eb8aa08-aa98-11ea-b4ga-73b441d16380',
    ],
  },
  regex: {
    valid: ['([abc])+\\s+$', '^\\p{L}+$', ''],
    invalid: ['^(abc]', '(?<!', '\\'],
  },
  'json-pointer': {
    valid: ['', '/', '/foo/0', '/a~1b', '/m~0n', '/foo//bar'],
    invalid: ['foo', '/foo/~', '/~2', '#/foo'],
  },
};

describe('formats with formats: "assert"', () => {
  for (const [format, { valid, invalid }] of Object.entries(cases)) {
    for (const value of valid) {
      it(`accepts ${JSON.stringify(value)} as ${format}`, () => {
        expect(isValid({ format }, value, { formats: 'assert' })).toBe(true);
      });
    }
    for (const value of invalid) {
      it(`rejects ${JSON.stringify(value)} as ${format}`, () => {
        expect(isValid({ format }, value, { formats: 'assert' })).toBe(false);
      });
    }
  }

  it('ignores formats for values that are not strings', () => {
    expect(isValid({ format: 'email' }, 42, { formats: 'assert' })).toBe(true);
    expect(isValid({ format: 'date' }, null, { formats: 'assert' })).toBe(true);
  });

  it('ignores unknown formats', () => {
    expect(isValid({ format: 'no-such-format' }, 'anything', { formats: 'assert' })).toBe(true);
  });

  it('names the format in the message', () => {
    expect(issuesOf({ format: 'email' }, 'nope', { formats: 'assert' })[0]).toMatchObject({
      keyword: 'format',
      schemaPath: '#/format',
      message: 'must match format "email"',
    });
  });
});

describe('formats by default', () => {
  it('treats format as an annotation and accepts any string, as 2020-12 says', () => {
    for (const format of Object.keys(cases)) {
      expect(isValid({ format }, 'definitely not valid \\ [', {})).toBe(true);
    }
  });

  it('does not assert formats in older dialects either unless asked', () => {
    const schema = { $schema: 'http://json-schema.org/draft-07/schema#', format: 'email' };
    expect(isValid(schema, 'nope')).toBe(true);
    expect(isValid(schema, 'nope', { formats: 'assert' })).toBe(false);
  });
});
