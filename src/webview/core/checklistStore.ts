// The ticks in each topic's interviewer checklist, kept per topic in a Memento (context.globalState, synced with the
// quiz progress), so they survive closing the panel, a reload and a restart. vscode-free: the Memento is an interface.

export const CHECKLIST_KEY = 'mlInterview.checklist';

/** The part of vscode.Memento the store uses. */
export interface ChecklistMemento {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

/** Stored form: topic key → indices of the ticked items, ascending. */
export type StoredChecklists = Record<string, number[]>;

const MAX_ITEMS = 1000;

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < MAX_ITEMS;
}

/** Sorted, unique, valid indices; anything else is dropped. */
export function normalizeChecked(values: readonly unknown[]): number[] {
  return [...new Set(values.filter(isIndex))].sort((a, b) => a - b);
}

export class ChecklistStore {
  constructor(private readonly memento: ChecklistMemento) {}

  /** What is stored, read afresh (another window may have written); malformed entries are ignored. */
  private all(): StoredChecklists {
    const raw = this.memento.get(CHECKLIST_KEY);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const result: StoredChecklists = {};
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (Array.isArray(value)) result[key] = normalizeChecked(value);
    }
    return result;
  }

  /** Indices of the ticked items of a topic's checklist. */
  checked(topicKey: string): number[] {
    return this.all()[topicKey] ?? [];
  }

  /** Replaces a topic's ticks (an empty list removes the entry). */
  async setChecked(topicKey: string, checked: readonly number[]): Promise<void> {
    const all = this.all();
    const normalized = normalizeChecked(checked);
    if (normalized.length > 0) all[topicKey] = normalized;
    else delete all[topicKey];
    await this.memento.update(CHECKLIST_KEY, all);
  }
}
