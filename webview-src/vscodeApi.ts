/// <reference types="vscode-webview" />

/**
 * The API VS Code injects into webviews (typed by @types/vscode-webview), narrowed to one page's protocol: the state it
 * keeps and the messages it may post, both declared beside the host code that validates them (src/…/core/*Messages.ts).
 */
export interface PageApi<State, Message> {
  post(message: Message): void;
  getState(): State | undefined;
  setState(state: State): void;
}

export function getVsCodeApi<State, Message>(): PageApi<State, Message> {
  const api = acquireVsCodeApi<State>();
  return {
    post: (message) => api.postMessage(message),
    getState: () => api.getState(),
    setState: (state) => {
      api.setState(state);
    },
  };
}
