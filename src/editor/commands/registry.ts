/**
 * Commands are named objects shared by the toolbar, menus, the keyboard and the tests, so
 * each action exists once: `{ id, label, kbd, run }`, plus why it is disabled, when it is.
 */

export interface Command {
  readonly id: string;
  readonly label: string;
  /** Shortcuts such as "mod+z", "mod+shift+z", "delete" ("mod" = Ctrl, or ⌘ on a Mac). */
  readonly kbd?: readonly string[];
  /** One line for tooltips and the docs panel. */
  readonly doc?: string;
  /** The shortcut arrives as the browser's own event (copy, cut, paste), not as a key press. */
  readonly nativeKey?: boolean;
  /** The shortcut works while typing in a field too (the field's value is committed first). */
  readonly whileTyping?: boolean;
  /** Null when the command can run now, else the reason it cannot (shown on hover). */
  disabled?(): string | null;
  run(): void | Promise<void>;
}

export class CommandRegistry {
  private readonly byId = new Map<string, Command>();
  private readonly listeners = new Set<() => void>();

  add(...commands: Command[]): void {
    for (const command of commands) {
      if (this.byId.has(command.id)) throw new Error(`Command "${command.id}" is registered twice.`);
      this.byId.set(command.id, command);
    }
    this.changed();
  }

  get(id: string): Command | undefined {
    return this.byId.get(id);
  }

  all(): Command[] {
    return [...this.byId.values()];
  }

  /** Runs a command by id; refuses (with the reason) when it is disabled. */
  async run(id: string): Promise<void> {
    const command = this.byId.get(id);
    if (!command) throw new Error(`No command "${id}".`);
    const reason = command.disabled?.() ?? null;
    if (reason) throw new Error(`${command.label} is not available: ${reason}`);
    await command.run();
  }

  /** Tells views that enabled states may have changed (the document or the run changed). */
  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
