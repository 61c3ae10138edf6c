// Typed calls into the Tauri shell. The command list (commands.ts) and the types
// (bindings.ts) are generated from Rust; errors arrive as data (call.ts).
export { api } from './commands';
export { call, toErrorData } from './call';
export type { Outcome } from './call';
