/**
 * Functional weights: a network declares its weights as an ordered list of specs, and
 * `createWeights` makes them as uniquely named `tf.Variable`s (inside tf.tidy, so no
 * initialiser tensor leaks). The record's key order is the fixed variable order Adam needs.
 */
import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../random';

/** Trainable (or shadow) weights of a network, by name, in a fixed order. */
export type Weights = Record<string, tf.Variable>;
/** What apply() reads: the variables themselves, the EMA shadow, or any tensors of the same shapes. */
export type WeightTensors = Readonly<Record<string, tf.Tensor>>;

export type Init =
  | { kind: 'uniform'; bound: number }
  | { kind: 'normal'; mean: number; std: number }
  | { kind: 'constant'; value: number };

export interface WeightSpec {
  readonly name: string;
  readonly shape: readonly number[];
  /** One init, or several applied to equal slices of the last axis (e.g. CIN++'s [gamma | alpha | beta]). */
  readonly init: Init | readonly Init[];
}

/** PyTorch's default for Linear and Conv2d weights and biases: U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
export const fanInUniform = (fanIn: number): Init => ({ kind: 'uniform', bound: 1 / Math.sqrt(fanIn) });

function initTensor(shape: number[], init: Init, seed: number): tf.Tensor {
  switch (init.kind) {
    case 'uniform':
      return tf.randomUniform(shape, -init.bound, init.bound, 'float32', seed);
    case 'normal':
      return tf.randomNormal(shape, init.mean, init.std, 'float32', seed);
    case 'constant':
      return tf.fill(shape, init.value);
  }
}

function specTensor(spec: WeightSpec, seed: number): tf.Tensor {
  const shape = [...spec.shape];
  if (!Array.isArray(spec.init)) return initTensor(shape, spec.init as Init, seed);
  const inits = spec.init as readonly Init[];
  const last = shape[shape.length - 1];
  if (last % inits.length !== 0)
    throw new Error(`Weight "${spec.name}": last axis ${last} does not split into ${inits.length} parts.`);
  const part = [...shape.slice(0, -1), last / inits.length];
  return tf.concat(
    inits.map((init, i) => initTensor(part, init, deriveSeed(seed, i + 1))),
    shape.length - 1,
  );
}

let instances = 0;

/** A variable-name prefix no live variable uses (tfjs variable names are global per engine). */
function freshPrefix(base: string): string {
  const taken = tf.engine().registeredVariables;
  for (;;) {
    const prefix = `${base}${++instances}`;
    if (!Object.keys(taken).some((name) => name.startsWith(prefix + '/'))) return prefix;
  }
}

/** Makes the weights of `specs`, seeded (seed never 0), as trainable variables named `<base>N/<name>`. */
export function createWeights(specs: readonly WeightSpec[], seed: number, base = 'net'): Weights {
  const prefix = freshPrefix(base);
  return tf.tidy(() => {
    const weights: Weights = {};
    specs.forEach((spec, i) => {
      weights[spec.name] = tf.variable(
        specTensor(spec, deriveSeed(seed, i + 1)),
        true,
        `${prefix}/${spec.name}`,
      );
    });
    return weights;
  });
}

/** Variables holding copies of `source` (same order), trainable or not: EMA shadows, snapshots, resumes. */
export function copyWeights(source: WeightTensors, trainable: boolean, base: string): Weights {
  const prefix = freshPrefix(base);
  const copies: Weights = {};
  for (const [name, tensor] of Object.entries(source))
    copies[name] = tf.variable(tensor, trainable, `${prefix}/${name}`);
  return copies;
}

/** Overwrites each target variable with the same-named source tensor. */
export function assignWeights(target: Weights, source: WeightTensors): void {
  for (const [name, variable] of Object.entries(target)) variable.assign(source[name]);
}

export function disposeWeights(weights: Weights): void {
  for (const variable of Object.values(weights)) variable.dispose();
}

/** Total number of scalar parameters. */
export function countParameters(specs: readonly WeightSpec[]): number {
  return specs.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1), 0);
}
