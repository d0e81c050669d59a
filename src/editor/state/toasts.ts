/** Short messages that explain what just happened (a refused wire, a paste that failed); they fade. */
import { Store } from './store';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
}

export class Toasts {
  readonly list = new Store<readonly Toast[]>([]);
  private nextId = 1;

  show(message: string, tone: Toast['tone'] = 'info', ms = 4000): void {
    const toast = { id: this.nextId++, message, tone };
    this.list.update((list) => [...list.filter((t) => t.message !== message), toast].slice(-3));
    setTimeout(() => this.dismiss(toast.id), ms);
  }

  dismiss(id: number): void {
    this.list.update((list) => list.filter((t) => t.id !== id));
  }
}
