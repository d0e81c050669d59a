/**
 * buildNetwork: kind + config (plain JSON, from a node's params or a checkpoint file) + data
 * shape → a ScoreNetwork. Configs are checked field by field, because checkpoints come from
 * files and files are never trusted.
 */
import { mlpNetwork, MLP_DEFAULTS, type MlpConfig } from './mlp';
import {
  CONDITIONINGS,
  NCSN_ARCHS,
  ncsnNetwork,
  NCSN_DEFAULTS,
  type NcsnArch,
  type NcsnConfig,
} from './ncsn';
import type { ScoreNetwork } from './network';
import { NORM_KINDS } from './norms';

export const NETWORK_KINDS = ['mlp', 'ncsn'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

type Config = Readonly<Record<string, unknown>>;

function integerField(config: Config, key: string, fallback: number, min: number, max: number): number {
  const value = config[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new Error(
      `Network config: "${key}" must be a whole number in [${min}, ${max}] (got ${String(value)}).`,
    );
  return value;
}

function choiceField<T extends string>(config: Config, key: string, fallback: T, options: readonly T[]): T {
  const value = config[key] ?? fallback;
  if (typeof value !== 'string' || !options.includes(value as T))
    throw new Error(`Network config: "${key}" must be one of ${options.join(', ')} (got ${String(value)}).`);
  return value as T;
}

function booleanField(config: Config, key: string, fallback: boolean): boolean {
  const value = config[key] ?? fallback;
  if (typeof value !== 'boolean') throw new Error(`Network config: "${key}" must be true or false.`);
  return value;
}

export function mlpConfig(config: Config): MlpConfig {
  return {
    width: integerField(config, 'width', MLP_DEFAULTS.width, 1, 4096),
    depth: integerField(config, 'depth', MLP_DEFAULTS.depth, 0, 16),
    activation: choiceField(config, 'activation', MLP_DEFAULTS.activation, ['elu', 'silu'] as const),
    divideBySigma: booleanField(config, 'divideBySigma', MLP_DEFAULTS.divideBySigma),
  };
}

export function ncsnConfig(config: Config): NcsnConfig {
  return {
    // Checkpoints written before `arch` existed hold the compact net: the default keeps them.
    arch: choiceField<NcsnArch>(config, 'arch', 'compact', NCSN_ARCHS),
    ngf: integerField(config, 'ngf', NCSN_DEFAULTS.ngf, 2, 512),
    norm: choiceField(config, 'norm', NCSN_DEFAULTS.norm, NORM_KINDS),
    conditioning: choiceField(config, 'conditioning', NCSN_DEFAULTS.conditioning, CONDITIONINGS),
  };
}

export function isNetworkKind(kind: string): kind is NetworkKind {
  return (NETWORK_KINDS as readonly string[]).includes(kind);
}

/**
 * The network of `kind` for data items of `shape`; `levels` is the schedule's L (used only by
 * conditionally normalised nets, whose weights depend on it).
 */
export function buildNetwork(
  kind: string,
  config: Config,
  shape: readonly number[],
  levels: number,
): ScoreNetwork {
  if (kind === 'mlp') return mlpNetwork(mlpConfig(config), shape);
  if (kind === 'ncsn') return ncsnNetwork(ncsnConfig(config), shape, levels);
  throw new Error(`Unknown network kind "${kind}" (expected ${NETWORK_KINDS.join(' or ')}).`);
}
