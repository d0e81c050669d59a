/** Batches DOM writes into the next animation frame, once per owner (avoids layout thrash). */
const queued = new Map<object, () => void>();
let scheduled = false;

export function onNextFrame(owner: object, work: () => void): void {
  queued.set(owner, work);
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    const jobs = [...queued.values()];
    queued.clear();
    for (const job of jobs) job();
  });
}
