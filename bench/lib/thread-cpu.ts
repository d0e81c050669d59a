/**
 * CPU time of single threads (Linux /proc; NaN or empty elsewhere): process.cpuUsage counts every
 * thread, while the benches ask what one thread spent — the main thread's share of a step beside
 * worker threads, or beside a GPU driver's threads (lavapipe runs on the CPU).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds of a thread so far, from its /proc stat line (utime + stime; USER_HZ = 100). */
function statCpuMs(path: string): number {
  try {
    const stat = readFileSync(path, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN; // not Linux, or the thread ended
  }
}

/** CPU ms so far of this thread and of every thread of the process, by thread id (Linux; empty elsewhere). */
export function threadCpu(): { self: number; all: Map<string, number> } {
  const all = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) all.set(tid, statCpuMs(`/proc/self/task/${tid}/stat`));
  } catch {
    // not Linux
  }
  return { self: thisThreadCpuMs(), all };
}

/** This thread's id (Linux; '' elsewhere). */
export function threadId(): string {
  try {
    return readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0];
  } catch {
    return '';
  }
}

/** This thread's CPU milliseconds so far, to the nanosecond (/proc/thread-self/schedstat). */
export function thisThreadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}
