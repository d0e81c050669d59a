/** Progress on stderr: a line per node as it starts and ends, and throttled progress lines while it runs. */
import type { RunEvent } from '../runtime/events';
import { PaceMeter, describePace } from '../runtime/pace';

export class ProgressPrinter {
  private lastLine = new Map<string, number>();
  private redrawing = false;
  private readonly meters = new Map<string, PaceMeter>();

  constructor(
    private readonly write: (line: string) => void,
    private readonly tty: boolean,
    private readonly everyMs = 2000,
  ) {}

  handle(event: RunEvent): void {
    switch (event.type) {
      case 'started':
        this.meters.set(event.nodeId, new PaceMeter());
        this.line(`▶ ${event.nodeId}`);
        break;
      case 'progress': {
        const pace = describePace(
          this.meters.get(event.nodeId)?.add(Date.now(), event.fraction, event.text) ?? {},
        );
        const text = `  ${event.nodeId} ${bar(event.fraction)} ${Math.round(event.fraction * 100)}%${event.text ? ` · ${event.text}` : ''}${pace ? ` · ${pace}` : ''}`;
        if (this.tty) {
          process.stderr.write(`\r\x1b[2K${text}`);
          this.redrawing = true;
        } else {
          const now = Date.now();
          if (now - (this.lastLine.get(event.nodeId) ?? 0) >= this.everyMs || event.fraction >= 1) {
            this.lastLine.set(event.nodeId, now);
            this.line(text);
          }
        }
        break;
      }
      case 'cached':
        this.line(`✓ ${event.nodeId} (cached)`);
        break;
      case 'done':
        this.line(`✓ ${event.nodeId} ${event.seconds.toFixed(2)} s`);
        break;
      case 'error':
        this.line(`✗ ${event.nodeId}: ${event.message}`);
        break;
      case 'cancelled':
        this.line(`■ ${event.nodeId} cancelled`);
        break;
      default:
        break;
    }
  }

  finish(): void {
    if (this.redrawing) process.stderr.write('\n');
    this.redrawing = false;
  }

  private line(text: string): void {
    this.finish();
    this.write(text);
  }
}

function bar(fraction: number, width = 20): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}
