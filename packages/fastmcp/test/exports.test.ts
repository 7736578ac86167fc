import { describe, expect, it } from 'vitest';
import * as api from '../src/index';

describe('the public surface of @mcpkit/fastmcp', () => {
  it('exports exactly these names (a change here is an API change: review it)', () => {
    expect(Object.keys(api).sort()).toMatchSnapshot();
  });
});
