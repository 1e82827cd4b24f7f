// What activation itself registers, for features that load later (src/features.ts, dist/features.js when built): every
// contributed command, the webview serializers of the panels VS Code restores, and the views' tree providers. Each
// stands in for the features' own until they have loaded, and loads them on first use; the features then register
// through it (Registrations) instead of through VS Code, so nothing is registered twice or left unregistered between.
import * as vscode from 'vscode';

type CommandHandler = Parameters<typeof vscode.commands.registerCommand>[1];

/** What the features register their commands and webview serializers through. */
export interface Registrations {
  /** A command activation registered is filled in; any other is registered with VS Code. */
  registerCommand(id: string, handler: CommandHandler): vscode.Disposable;
  /** A serializer activation registered is filled in; any other is registered with VS Code. */
  registerWebviewPanelSerializer(viewType: string, serializer: vscode.WebviewPanelSerializer): vscode.Disposable;
}

/** A view created at activation, and how its tree provider (a stand-in until now) is connected to the real one. */
export interface ShellView<T> {
  readonly view: vscode.TreeView<T>;
  connect(provider: vscode.TreeDataProvider<T>): void;
}

/** Slots filled by the features: a call finds its slot empty only before they have loaded, and loads them. */
class Slots<T> {
  private readonly filled = new Map<string, T | undefined>();

  constructor(
    private readonly what: string,
    private readonly load: () => void,
  ) {}

  add(id: string): void {
    this.filled.set(id, undefined);
  }

  has(id: string): boolean {
    return this.filled.has(id);
  }

  fill(id: string, value: T): vscode.Disposable {
    if (this.filled.get(id) !== undefined) throw new Error(`the ${this.what} ${id} is registered twice`);
    this.filled.set(id, value);
    return { dispose: () => (this.filled.get(id) === value ? this.filled.set(id, undefined) : undefined) };
  }

  get(id: string): T {
    if (this.filled.get(id) === undefined) this.load();
    const value = this.filled.get(id);
    if (value === undefined) throw new Error(`the ${this.what} ${id} has no handler once the features have loaded`);
    return value;
  }
}

/** The commands and serializers registered at activation, whose work is done by the features once they have loaded. */
export class DeferredRegistrations implements Registrations, vscode.Disposable {
  private readonly commands: Slots<CommandHandler>;
  private readonly serializers: Slots<vscode.WebviewPanelSerializer>;
  private readonly registered: vscode.Disposable[] = [];

  /** `load` loads the features (synchronously), which fill the slots. */
  constructor(commandIds: readonly string[], viewTypes: readonly string[], load: () => void) {
    this.commands = new Slots('command', load);
    this.serializers = new Slots('webview serializer', load);
    for (const id of commandIds) {
      this.commands.add(id);
      this.registered.push(vscode.commands.registerCommand(id, (...args: unknown[]): unknown => this.commands.get(id)(...args)));
    }
    for (const viewType of viewTypes) {
      this.serializers.add(viewType);
      // VS Code restores a panel after a reload only through a serializer registered during activation.
      this.registered.push(
        vscode.window.registerWebviewPanelSerializer(viewType, {
          deserializeWebviewPanel: (panel, state: unknown) => this.serializers.get(viewType).deserializeWebviewPanel(panel, state),
        }),
      );
    }
  }

  registerCommand(id: string, handler: CommandHandler): vscode.Disposable {
    return this.commands.has(id) ? this.commands.fill(id, handler) : vscode.commands.registerCommand(id, handler);
  }

  registerWebviewPanelSerializer(viewType: string, serializer: vscode.WebviewPanelSerializer): vscode.Disposable {
    return this.serializers.has(viewType) ? this.serializers.fill(viewType, serializer) : vscode.window.registerWebviewPanelSerializer(viewType, serializer);
  }

  dispose(): void {
    for (const registration of this.registered.splice(0)) registration.dispose();
  }
}

/**
 * A view's tree provider registered at activation: the first question the view asks loads the features, whose own
 * provider (connected by them) answers it and every later one; its changes redraw the view.
 */
export class LazyTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private target: vscode.TreeDataProvider<T> | undefined;
  private forwarding: vscode.Disposable | undefined;

  constructor(private readonly load: () => void) {}

  connect(provider: vscode.TreeDataProvider<T>): void {
    this.forwarding?.dispose();
    this.target = provider;
    this.forwarding = provider.onDidChangeTreeData?.((change) => this.changed.fire(change));
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.provider().getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.provider().getChildren(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.provider().getParent?.(element);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }

  private provider(): vscode.TreeDataProvider<T> {
    if (!this.target) this.load();
    if (!this.target) throw new Error('the features loaded without connecting this view\'s tree provider');
    return this.target;
  }
}
