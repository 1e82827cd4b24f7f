import * as vscode from 'vscode';
import { Disposable } from './dispose';

/** A problem in a content file: a topic, a deck manifest, a card file or a practice problem. */
export interface LocatedProblem {
  file: string;
  /** Zero-based. */
  line: number;
  message: string;
}

/**
 * The extension's one diagnostic collection. Each source (the deck loader, the card loader) replaces its own
 * problems; the Problems panel shows them all, each at its file and line.
 */
export class ProblemsPublisher extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('mlInterview'));
  private readonly bySource = new Map<string, readonly LocatedProblem[]>();

  /** `formatDoc`: the deck-format documentation shipped with the extension, linked from every problem. */
  constructor(private readonly formatDoc: vscode.Uri) {
    super();
  }

  publish(source: 'decks' | 'cards' | 'problems', problems: readonly LocatedProblem[]): void {
    this.bySource.set(source, problems);
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of [...this.bySource.values()].flat()) {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(problem.line, 0, problem.line, Number.MAX_SAFE_INTEGER), problem.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'ML Interview';
      // The code is a link VS Code shows beside the message: it opens the format the file must follow.
      diagnostic.code = { value: 'deck-format', target: this.formatDoc };
      byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), diagnostic]);
    }
    this.collection.clear();
    for (const [file, list] of byFile) this.collection.set(vscode.Uri.file(file), list);
  }
}
