import { describe, expect, it } from 'vitest';
import { compileSchema } from '../src/index';

// The schema the MCP conformance suite uses for 2020-12 tool schemas
const fixture = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  $defs: {
    address: {
      $anchor: 'addr',
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' } },
    },
  },
  properties: {
    name: { type: 'string' },
    address: { $ref: '#/$defs/address' },
    contactMethod: { type: 'string', enum: ['phone', 'email'] },
    phone: { type: 'string' },
    email: { type: 'string' },
  },
  allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
  if: { properties: { contactMethod: { const: 'phone' } } },
  then: { required: ['phone'] },
  else: { required: ['email'] },
  additionalProperties: false,
};

describe('MCP conformance fixture schema (2020-12)', () => {
  const schema = compileSchema(fixture);

  it('compiles as 2020-12 without warnings', () => {
    expect(schema.dialect).toBe('2020-12');
    expect(schema.warnings).toEqual([]);
  });

  it.each([
    ['a phone contact', { name: 'Ada', contactMethod: 'phone', phone: '555-0100' }],
    [
      'an email contact (else branch)',
      { name: 'Ada', contactMethod: 'email', email: 'ada@example.com' },
    ],
    ['a phone without contactMethod (the if matches vacuously)', { phone: '555-0100' }],
    ['both phone and email', { contactMethod: 'phone', phone: '1', email: 'a@b.c' }],
    [
      'an address',
      {
        contactMethod: 'email',
        email: 'a@b.c',
        address: { street: '1 Main St', city: 'Springfield' },
      },
    ],
    ['an address with extra fields (not closed)', { phone: '1', address: { zip: '12345' } }],
  ])('accepts %s', (_label, value) => {
    expect(schema.validate(value)).toEqual({ valid: true });
  });

  it.each([
    ['no contact at all', {}, '#/allOf/0/anyOf'],
    [
      'contactMethod phone without a phone',
      { contactMethod: 'phone', email: 'a@b.c' },
      '#/then/required',
    ],
    [
      'contactMethod email without an email',
      { contactMethod: 'email', phone: '555' },
      '#/else/required',
    ],
    [
      'an email without contactMethod (the if matches, so phone is required)',
      { email: 'a@b.c' },
      '#/then/required',
    ],
    [
      'an unknown contactMethod',
      { contactMethod: 'fax', email: 'a@b.c' },
      '#/properties/contactMethod/enum',
    ],
    ['an additional property', { email: 'a@b.c', nickname: 'x' }, '#/additionalProperties'],
    [
      'a street that is not a string',
      { email: 'a@b.c', address: { street: 1 } },
      '#/$defs/address/properties/street/type',
    ],
    [
      'an address that is not an object',
      { email: 'a@b.c', address: 'Main St' },
      '#/$defs/address/type',
    ],
    ['a name that is not a string', { email: 'a@b.c', name: 42 }, '#/properties/name/type'],
    ['a value that is not an object', 'contact', '#/type'],
  ])('rejects %s', (_label, value, schemaPath) => {
    const result = schema.validate(value);
    expect(result.valid).toBe(false);
    expect(result.valid === false && result.issues.map((issue) => issue.schemaPath)).toContain(
      schemaPath,
    );
  });

  it('explains a missing contact in human terms', () => {
    const result = schema.validate({ contactMethod: 'phone' });
    expect(result.valid === false && result.issues.map((issue) => issue.message)).toEqual([
      'must match at least one schema in anyOf: ' +
        '[0] must have required property "phone"; [1] must have required property "email"',
      'must have required property "phone"',
    ]);
  });

  it('points nested issues at the address field', () => {
    const result = schema.validate({
      contactMethod: 'email',
      email: 'a@b.c',
      address: { city: 7 },
    });
    expect(result.valid === false && result.issues).toEqual([
      {
        instancePath: '/address/city',
        schemaPath: '#/$defs/address/properties/city/type',
        keyword: 'type',
        message: 'must be string, got number',
      },
    ]);
  });

  it('resolves the address by its $anchor as well', () => {
    const byAnchor = compileSchema({
      ...fixture,
      properties: { ...fixture.properties, address: { $ref: '#addr' } },
    });
    expect(byAnchor.validate({ phone: '1', address: { street: 1 } }).valid).toBe(false);
    expect(byAnchor.validate({ phone: '1', address: { street: 'x' } }).valid).toBe(true);
  });
});

describe('a draft-07 schema with definitions, dependencies and array-form items', () => {
  const schema = compileSchema({
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    definitions: {
      coordinate: { type: 'number', minimum: -180, maximum: 180 },
      point: {
        type: 'array',
        items: [{ $ref: '#/definitions/coordinate' }, { $ref: '#/definitions/coordinate' }],
        additionalItems: false,
        minItems: 2,
      },
    },
    properties: {
      location: { $ref: '#/definitions/point' },
      label: { type: 'string' },
      labelColor: { type: 'string', enum: ['red', 'green'] },
      radius: { type: 'number', exclusiveMinimum: 0 },
    },
    dependencies: {
      labelColor: ['label'],
      radius: { required: ['location'] },
    },
  });

  it('is read as draft-07 without warnings', () => {
    expect(schema.dialect).toBe('draft-07');
    expect(schema.warnings).toEqual([]);
  });

  it.each([
    ['a point', { location: [10, 20] }],
    ['a labelled point', { location: [10, 20], label: 'home', labelColor: 'red' }],
    ['a circle', { location: [0, 0], radius: 5 }],
    ['an empty object', {}],
  ])('accepts %s', (_label, value) => {
    expect(schema.validate(value).valid).toBe(true);
  });

  it.each([
    [
      'a point with three coordinates',
      { location: [1, 2, 3] },
      '#/definitions/point/additionalItems',
    ],
    ['a point with one coordinate', { location: [1] }, '#/definitions/point/minItems'],
    ['a coordinate out of range', { location: [1, 200] }, '#/definitions/coordinate/maximum'],
    ['a labelColor without label', { labelColor: 'red' }, '#/dependencies/labelColor'],
    ['a radius without location', { radius: 1 }, '#/dependencies/radius/required'],
    ['a radius of zero', { location: [0, 0], radius: 0 }, '#/properties/radius/exclusiveMinimum'],
  ])('rejects %s', (_label, value, schemaPath) => {
    const result = schema.validate(value);
    expect(result.valid).toBe(false);
    expect(result.valid === false && result.issues[0]?.schemaPath).toBe(schemaPath);
  });

  it('points at the failing coordinate', () => {
    const result = schema.validate({ location: [1, 'x'] });
    expect(result.valid === false && result.issues[0]?.instancePath).toBe('/location/1');
  });
});
