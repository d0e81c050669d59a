/**
 * Runs a node inside a tfjs engine scope: on success only the tensors reachable from its
 * outputs (through enumerable properties, at any depth) survive; on failure or cancel every
 * tensor and variable it made is freed. So a value must hold its tensors in properties,
 * not only in closures.
 */
import * as tf from '@tensorflow/tfjs';

export async function runOwned<T extends object>(name: string, body: () => Promise<T>): Promise<T> {
  const engine = tf.engine();
  const variablesBefore = new Set(Object.keys(engine.registeredVariables));
  engine.startScope(name);
  let outputs: T;
  try {
    outputs = await body();
  } catch (error) {
    engine.endScope();
    for (const key of Object.keys(engine.registeredVariables))
      if (!variablesBefore.has(key)) engine.registeredVariables[key].dispose();
    throw error;
  }
  engine.endScope(outputs as unknown as tf.TensorContainer);
  return outputs;
}
