/** The one rule set for checkpoint headers, on plain JSON (no tfjs). */
import { describe, expect, it } from 'vitest';
import { parseShape, readCheckpointHeader } from './checkpoint-header';

const header = {
  format: 'scoregraph-checkpoint',
  version: 1,
  kind: 'ncsn',
  config: { conditioning: 'conditional-norm' },
  shape: [28, 28, 1],
  sigmas: [1, 0.5, 0.1],
  step: 0,
  weightSpecs: [{ name: 'w', shape: [3, 3], dtype: 'float32' }],
};
const message = (json: unknown) => {
  const read = readCheckpointHeader(json);
  return 'message' in read ? read.message : null;
};

describe('readCheckpointHeader', () => {
  it('reads a header; only conditional norms tie the levels to the schedule', () => {
    expect(readCheckpointHeader(header)).toEqual({
      kind: 'ncsn',
      config: header.config,
      shape: [28, 28, 1],
      sigmas: [1, 0.5, 0.1],
      levels: 3,
      step: 0,
      weightSpecs: header.weightSpecs,
    });
    expect(readCheckpointHeader({ ...header, config: {} })).toMatchObject({ levels: null });
  });

  it('holds every field to one rule, with a message naming it', () => {
    expect(message([])).toMatch(/not a JSON object/);
    expect(message({ ...header, version: 2 })).toMatch(/version 2 is not supported/);
    expect(message({ ...header, shape: [1, 2, 3, 4] })).toMatch(/"shape" must be 1 to 3 whole numbers/);
    expect(message({ ...header, shape: [5000] })).toMatch(/from 1 to 4096/);
    expect(message({ ...header, step: -1 })).toMatch(/"step" must be a whole number ≥ 0/);
    expect(message({ ...header, sigmas: [1, 0] })).toMatch(/"sigmas"/);
    expect(message({ ...header, weightSpecs: [{ name: 'w', shape: [3], dtype: 'int32' }] })).toMatch(
      /weight spec 1 is malformed/,
    );
  });

  it('parses the shape param by the same rule', () => {
    expect(parseShape('28x28x1')).toEqual([28, 28, 1]);
    expect(parseShape('1,2,3,4')).toBeNull();
    expect(parseShape('5000')).toBeNull();
    expect(parseShape('0')).toBeNull();
  });
});
