import { describe, expect, it } from 'vitest';
import { ABUSE_STACKER } from '../../lib/score/classifier';
import { checkStackerFile, STACK_FEATURES } from '../../lib/score/stacker';

describe('the shipped text-alone stacker matches the features the scorer builds', () => {
  it('the committed model passes the check', () => {
    expect(ABUSE_STACKER).toBeDefined();
    expect(() => checkStackerFile(ABUSE_STACKER!)).not.toThrow();
  });

  it('a stacker with more weights than features (trained with extra columns) is refused with a message, not scored as NaN', () => {
    const wider = { features: [...STACK_FEATURES], weights: [...STACK_FEATURES.map(() => 0.1), 0.5], bias: 0, threshold: 0.5 };
    expect(() => checkStackerFile(wider)).toThrow(/3?.*weights.*features|features.*weights/i);
    const renamed = { features: [...STACK_FEATURES.slice(0, -1), 'something-else'], weights: STACK_FEATURES.map(() => 0.1), bias: 0, threshold: 0.5 };
    expect(() => checkStackerFile(renamed)).toThrow(/npm run train:abuse/);
  });
});
