import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UriTemplate } from '../src/index';

/** The variables of RFC 6570 §1.2 and §3.2 (the `keys` pairs are out of scope here). */
const RFC_VALUES = {
  count: ['one', 'two', 'three'],
  dom: ['example', 'com'],
  dub: 'me/too',
  hello: 'Hello World!',
  half: '50%',
  var: 'value',
  who: 'fred',
  base: 'http://example.com/home/',
  path: '/foo/bar',
  list: ['red', 'green', 'blue'],
  v: '6',
  x: '1024',
  y: '768',
  empty: '',
  empty_keys: [],
  undef: undefined,
} as const;

/** [template, expansion] from RFC 6570, grouped by the section that lists them. */
const RFC_EXAMPLES: Record<string, Array<[string, string]>> = {
  '1.2 level 1': [
    ['{var}', 'value'],
    ['{hello}', 'Hello%20World%21'],
  ],
  '1.2 level 2': [
    ['{+var}', 'value'],
    ['{+hello}', 'Hello%20World!'],
    ['{+path}/here', '/foo/bar/here'],
    ['here?ref={+path}', 'here?ref=/foo/bar'],
    ['X{#var}', 'X#value'],
    ['X{#hello}', 'X#Hello%20World!'],
  ],
  '1.2 level 3': [
    ['map?{x,y}', 'map?1024,768'],
    ['{x,hello,y}', '1024,Hello%20World%21,768'],
    ['{+x,hello,y}', '1024,Hello%20World!,768'],
    ['{+path,x}/here', '/foo/bar,1024/here'],
    ['{#x,hello,y}', '#1024,Hello%20World!,768'],
    ['{#path,x}/here', '#/foo/bar,1024/here'],
    ['X{.var}', 'X.value'],
    ['X{.x,y}', 'X.1024.768'],
    ['{/var}', '/value'],
    ['{/var,x}/here', '/value/1024/here'],
    ['{;x,y}', ';x=1024;y=768'],
    ['{;x,y,empty}', ';x=1024;y=768;empty'],
    ['{?x,y}', '?x=1024&y=768'],
    ['{?x,y,empty}', '?x=1024&y=768&empty='],
    ['?fixed=yes{&x}', '?fixed=yes&x=1024'],
    ['{&x,y,empty}', '&x=1024&y=768&empty='],
  ],
  '1.2 level 4': [
    ['{var:3}', 'val'],
    ['{var:30}', 'value'],
    ['{list}', 'red,green,blue'],
    ['{list*}', 'red,green,blue'],
    ['{+path:6}/here', '/foo/b/here'],
    ['{#path:6}/here', '#/foo/b/here'],
    ['{#list*}', '#red,green,blue'],
    ['X{.list}', 'X.red,green,blue'],
    ['X{.list*}', 'X.red.green.blue'],
    ['{/list}', '/red,green,blue'],
    ['{/list*}', '/red/green/blue'],
    ['{/list*,path:4}', '/red/green/blue/%2Ffoo'],
    ['{;list}', ';list=red,green,blue'],
    ['{;list*}', ';list=red;list=green;list=blue'],
    ['{?list}', '?list=red,green,blue'],
    ['{?list*}', '?list=red&list=green&list=blue'],
    ['{&list}', '&list=red,green,blue'],
    ['{&list*}', '&list=red&list=green&list=blue'],
  ],
  '3.2.1 variable expansion': [
    ['{count}', 'one,two,three'],
    ['{count*}', 'one,two,three'],
    ['{/count}', '/one,two,three'],
    ['{/count*}', '/one/two/three'],
    ['{;count}', ';count=one,two,three'],
    ['{;count*}', ';count=one;count=two;count=three'],
    ['{?count}', '?count=one,two,three'],
    ['{?count*}', '?count=one&count=two&count=three'],
    ['{&count*}', '&count=one&count=two&count=three'],
  ],
  '3.2.2 simple string expansion': [
    ['{var}', 'value'],
    ['{hello}', 'Hello%20World%21'],
    ['{half}', '50%25'],
    ['O{empty}X', 'OX'],
    ['O{undef}X', 'OX'],
    ['{x,y}', '1024,768'],
    ['{x,hello,y}', '1024,Hello%20World%21,768'],
    ['?{x,empty}', '?1024,'],
    ['?{x,undef}', '?1024'],
    ['?{undef,y}', '?768'],
    ['{var:3}', 'val'],
    ['{var:30}', 'value'],
    ['{list}', 'red,green,blue'],
    ['{list*}', 'red,green,blue'],
  ],
  '3.2.3 reserved expansion': [
    ['{+var}', 'value'],
    ['{+hello}', 'Hello%20World!'],
    ['{+half}', '50%25'],
    ['{base}index', 'http%3A%2F%2Fexample.com%2Fhome%2Findex'],
    ['{+base}index', 'http://example.com/home/index'],
    ['O{+empty}X', 'OX'],
    ['O{+undef}X', 'OX'],
    ['{+path}/here', '/foo/bar/here'],
    ['here?ref={+path}', 'here?ref=/foo/bar'],
    ['up{+path}{var}/here', 'up/foo/barvalue/here'],
    ['{+x,hello,y}', '1024,Hello%20World!,768'],
    ['{+path,x}/here', '/foo/bar,1024/here'],
    ['{+path:6}/here', '/foo/b/here'],
    ['{+list}', 'red,green,blue'],
    ['{+list*}', 'red,green,blue'],
  ],
  '3.2.4 fragment expansion': [
    ['{#var}', '#value'],
    ['{#hello}', '#Hello%20World!'],
    ['{#half}', '#50%25'],
    ['foo{#empty}', 'foo#'],
    ['foo{#undef}', 'foo'],
    ['{#x,hello,y}', '#1024,Hello%20World!,768'],
    ['{#path,x}/here', '#/foo/bar,1024/here'],
    ['{#path:6}/here', '#/foo/b/here'],
    ['{#list}', '#red,green,blue'],
    ['{#list*}', '#red,green,blue'],
  ],
  '3.2.5 label expansion': [
    ['{.who}', '.fred'],
    ['{.who,who}', '.fred.fred'],
    ['{.half,who}', '.50%25.fred'],
    ['www{.dom*}', 'www.example.com'],
    ['X{.var}', 'X.value'],
    ['X{.empty}', 'X.'],
    ['X{.undef}', 'X'],
    ['X{.var:3}', 'X.val'],
    ['X{.list}', 'X.red,green,blue'],
    ['X{.list*}', 'X.red.green.blue'],
  ],
  '3.2.6 path segment expansion': [
    ['{/who}', '/fred'],
    ['{/who,who}', '/fred/fred'],
    ['{/half,who}', '/50%25/fred'],
    ['{/who,dub}', '/fred/me%2Ftoo'],
    ['{/var}', '/value'],
    ['{/var,empty}', '/value/'],
    ['{/var,undef}', '/value'],
    ['{/var,x}/here', '/value/1024/here'],
    ['{/var:1,var}', '/v/value'],
    ['{/list}', '/red,green,blue'],
    ['{/list*}', '/red/green/blue'],
    ['{/list*,path:4}', '/red/green/blue/%2Ffoo'],
  ],
  '3.2.7 path-style parameter expansion': [
    ['{;who}', ';who=fred'],
    ['{;half}', ';half=50%25'],
    ['{;empty}', ';empty'],
    ['{;v,empty,who}', ';v=6;empty;who=fred'],
    ['{;v,bar,who}', ';v=6;who=fred'],
    ['{;x,y}', ';x=1024;y=768'],
    ['{;x,y,empty}', ';x=1024;y=768;empty'],
    ['{;x,y,undef}', ';x=1024;y=768'],
    ['{;hello:5}', ';hello=Hello'],
    ['{;list}', ';list=red,green,blue'],
    ['{;list*}', ';list=red;list=green;list=blue'],
  ],
  '3.2.8 form-style query expansion': [
    ['{?who}', '?who=fred'],
    ['{?half}', '?half=50%25'],
    ['{?x,y}', '?x=1024&y=768'],
    ['{?x,y,empty}', '?x=1024&y=768&empty='],
    ['{?x,y,undef}', '?x=1024&y=768'],
    ['{?var:3}', '?var=val'],
    ['{?list}', '?list=red,green,blue'],
    ['{?list*}', '?list=red&list=green&list=blue'],
  ],
  '3.2.9 form-style query continuation': [
    ['{&who}', '&who=fred'],
    ['{&half}', '&half=50%25'],
    ['?fixed=yes{&x}', '?fixed=yes&x=1024'],
    ['{&x,y,empty}', '&x=1024&y=768&empty='],
    ['{&var:3}', '&var=val'],
    ['{&list}', '&list=red,green,blue'],
    ['{&list*}', '&list=red&list=green&list=blue'],
  ],
};

describe('UriTemplate.expand', () => {
  describe.each(Object.entries(RFC_EXAMPLES))('RFC 6570 §%s', (_section, examples) => {
    it.each(examples)('expands %s to %s', (template, expected) => {
      expect(new UriTemplate(template).expand(RFC_VALUES)).toBe(expected);
    });
  });

  it('treats an empty list like an undefined variable', () => {
    expect(new UriTemplate('X{/empty_keys*}{?empty_keys}').expand(RFC_VALUES)).toBe('X');
  });

  it('percent-encodes a double quote even where reserved characters are allowed', () => {
    // '"' is neither unreserved nor reserved (RFC 3986), so + and # expansion must encode it
    expect(new UriTemplate('{+q}').expand({ q: 'say "hi"' })).toBe('say%20%22hi%22');
    expect(new UriTemplate('{#q}').expand({ q: '"' })).toBe('#%22');
  });

  it('keeps existing percent-encodings in reserved expansion', () => {
    expect(new UriTemplate('{+path}').expand({ path: '/a%2Fb/c%20d' })).toBe('/a%2Fb/c%20d');
  });

  it('counts a prefix in characters, not UTF-16 units', () => {
    expect(new UriTemplate('{var:2}').expand({ var: '😀😃😄' })).toBe('%F0%9F%98%80%F0%9F%98%83');
  });
});

describe('UriTemplate.match', () => {
  it('inverts the MCP-style examples', () => {
    const template = new UriTemplate('users://{id}/files{/path*}{?q,limit}');
    expect(template.match('users://42/files/a/b.txt?limit=10&q=x%20y')).toEqual({
      id: '42',
      path: ['a', 'b.txt'],
      q: 'x y',
      limit: '10',
    });
    expect(template.match('users://42/files')).toEqual({ id: '42' });
    expect(template.match('groups://42/files')).toBeUndefined();
  });

  it('returns undefined for a URI the template cannot produce', () => {
    expect(new UriTemplate('users://{id}/profile').match('users://a/b/profile')).toBeUndefined();
    expect(new UriTemplate('users://{id}{?q}').match('users://a?q=%ZZ')).toBeUndefined();
  });

  it('returns undefined for a malformed percent-encoding in a path variable', () => {
    // no value expands to "%ZZ": dropping the variable would hand handlers a missing parameter
    expect(new UriTemplate('users://{id}').match('users://a%ZZ')).toBeUndefined();
    expect(new UriTemplate('files://{root}{/path*}').match('files://r/a/%E0%A4%A')).toBeUndefined();
  });

  it('matches a URI with literal query parameters before a {&x} continuation', () => {
    // RFC 6570 §3.2.9's own example: ?fixed=yes{&x}
    expect(new UriTemplate('search?fixed=yes{&x}').match('search?fixed=yes&x=1024')).toEqual({
      x: '1024',
    });
  });

  it('accepts unencoded non-ASCII characters, as clients send them', () => {
    expect(new UriTemplate('greeting://{name}').match('greeting://José')).toEqual({ name: 'José' });
  });

  it('refuses URIs longer than 8192 characters instead of matching them slowly', () => {
    expect(new UriTemplate('x://{a}').match(`x://${'a'.repeat(9000)}`)).toBeUndefined();
  });
});

describe('UriTemplate round trips (property)', () => {
  /** Characters that are safe in every operator: no separators, no '%'. */
  const SAFE = 'abcXYZ019-_~ !$\'()*+:@[]"<>^`{|}\\'.split('');
  const safeString = fc.string({ unit: fc.constantFrom(...SAFE), minLength: 1, maxLength: 20 });
  const unicodeString = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 });

  /**
   * Per operator: a template, and what a value may hold for `match(expand(v))` to give `v` back.
   * RFC 6570 expansion is not invertible in general: an empty value looks like an undefined one
   * (so values are non-empty); `.` is unreserved, so a label value holding `.` cannot be told from
   * two labels; `+` and `#` keep reserved characters (a `#` in a `{+v}` value starts the fragment)
   * and pass `%XX` triplets through (so "%41" and "A" expand alike). `%` is left out here and
   * checked on its own below.
   */
  const OPERATORS: Array<{ template: string; allowed: (s: string) => boolean }> = [
    { template: 'res://{v}', allowed: () => true },
    { template: 'res://x/{+v}', allowed: (s) => !/[#%]/.test(s) },
    { template: 'res://x{#v}', allowed: (s) => !s.includes('%') },
    { template: 'res://x{.v}', allowed: (s) => !s.includes('.') },
    { template: 'res://x{/v}', allowed: () => true },
    { template: 'res://x{;v}', allowed: () => true },
    { template: 'res://x{?v}', allowed: () => true },
    { template: 'res://x{?a}{&v}', allowed: () => true },
  ];

  describe.each(OPERATORS)('$template', ({ template, allowed }) => {
    const parsed = new UriTemplate(template);
    const roundTrip = (value: string) => {
      const values = template.includes('{?a}') ? { a: '1', v: value } : { v: value };
      expect(parsed.match(parsed.expand(values))).toEqual(values);
    };

    it('gives back any value from a safe alphabet', () => {
      fc.assert(fc.property(safeString.filter(allowed), roundTrip));
    });

    it('gives back any full-Unicode value', () => {
      fc.assert(fc.property(unicodeString.filter(allowed), roundTrip));
    });
  });

  it('gives back a lone percent sign through reserved and fragment expansion', () => {
    // '%' not followed by two hex digits is data, and must survive a round trip
    fc.assert(
      fc.property(
        fc.constantFrom('res://x/{+v}', 'res://x{#v}'),
        // after the '%': nothing, or a character that is not a hex digit (else it is a triplet)
        fc.stringMatching(/^[a-z]{0,3}%(?:[g-z ][a-z]{0,3})?$/),
        (template, value) => {
          const parsed = new UriTemplate(template);
          expect(parsed.match(parsed.expand({ v: value }))).toEqual({ v: value });
        },
      ),
    );
  });

  it('gives back several variables of a simple expression', () => {
    const parsed = new UriTemplate('res://{a,b}/{c}');
    fc.assert(
      fc.property(unicodeString, unicodeString, unicodeString, (a, b, c) => {
        expect(parsed.match(parsed.expand({ a, b, c }))).toEqual({ a, b, c });
      }),
    );
  });

  it('gives back non-empty lists of exploded path segments and query values', () => {
    const parsed = new UriTemplate('files://{root}{/path*}{?tag*}');
    const items = fc.array(unicodeString, { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(unicodeString, items, items, (root, path, tag) => {
        expect(parsed.match(parsed.expand({ root, path, tag }))).toEqual({ root, path, tag });
      }),
    );
  });

  it('gives back any subset of optional query variables, in any order', () => {
    const parsed = new UriTemplate('search://{index}{?q,limit,sort}');
    fc.assert(
      fc.property(
        safeString,
        fc.record({ q: unicodeString, limit: safeString, sort: safeString }, { requiredKeys: [] }),
        (index, query) => {
          const uri = parsed.expand({ index, ...query });
          expect(parsed.match(uri)).toEqual({ index, ...query });
          // the same parameters in reverse order still match
          const [path, search] = uri.split('?');
          if (search) {
            const reversed = `${path}?${search.split('&').reverse().join('&')}`;
            expect(parsed.match(reversed)).toEqual({ index, ...query });
          }
        },
      ),
    );
  });
});

describe('UriTemplate parsing', () => {
  it.each([
    ['users://{id', /unclosed "\{"/],
    ['users://id}', /unmatched "\}"/],
    ['users://{bad name}', /bad variable name/],
    ['users://{}', /bad variable name/],
    ['users://{id:0}', /bad prefix/],
    ['users://{id:abc}', /bad prefix/],
    ['users://{id:10000}', /bad prefix/],
    [`x://${'{a}'.repeat(65)}`, /over 64 expressions/],
    [`x://${'a'.repeat(2100)}`, /over 2048 characters/],
  ])('refuses %s', (template, message) => {
    expect(() => new UriTemplate(template)).toThrow(message);
  });

  it('expands a template whose query is not last, but refuses to match with it', () => {
    const template = new UriTemplate('users://{?q}/more');
    expect(template.expand({ q: 'x' })).toBe('users://?q=x/more');
    expect(() => template.assertMatchable()).toThrow(/must come last/);
    expect(() => template.match('users://?q=x/more')).toThrow(/must come last/);
  });

  it('lists its variable names in order', () => {
    expect(new UriTemplate('a://{x}{/p*}{?q,limit:3}').variableNames).toEqual([
      'x',
      'p',
      'q',
      'limit',
    ]);
  });

  it('tells templates from plain URIs', () => {
    expect(UriTemplate.isTemplate('users://{id}')).toBe(true);
    expect(UriTemplate.isTemplate('config://app')).toBe(false);
    expect(UriTemplate.isTemplate('odd://{}')).toBe(false);
  });

  it('prints as its template string', () => {
    expect(String(new UriTemplate('users://{id}'))).toBe('users://{id}');
  });
});
