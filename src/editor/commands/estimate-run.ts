/**
 * Estimate run time, before the real run (issue 10 item 5): the worker runs the graph for a few
 * seconds, src/runtime/estimate.ts measures its first long node, the run is stopped, and the
 * estimate (with advice when long) is said in a toast. Nodes finished meanwhile stay cached.
 */
import type { EditorController } from '../app/editor-controller';
import { Calibration, LONG_RUN_SECONDS, describeEstimate } from '../../runtime/estimate';

export function estimateRun(editor: EditorController): Promise<void> {
  const runtime = editor.runtime!;
  const backend = editor.backend.value?.backend ?? 'this backend';
  const calibration = new Calibration();
  editor.toasts.show('Estimating: running the graph for a few seconds on this backend…', 'info', 8000);
  return new Promise((resolve) => {
    let runId = -1;
    const off = runtime.on((event) => {
      if (event.runId !== runId) return;
      if (calibration.handle(event) && event.type !== 'run-finished') runtime.cancel();
      if (event.type !== 'run-finished') return;
      off();
      const estimate = calibration.result;
      if (estimate) {
        const long = estimate.seconds > LONG_RUN_SECONDS;
        editor.toasts.show(
          `Estimated: ${describeEstimate(estimate, backend)}`,
          long ? 'error' : 'info',
          20000,
        );
      } else if (event.status === 'error')
        editor.toasts.show(`The estimate failed: ${event.message ?? 'a node failed'}.`, 'error', 10000);
      resolve();
    });
    // Not a run for the history, but what it shows (cached nodes' displays) came from its graph.
    runId = editor.startRun({ forHistory: false });
  });
}
