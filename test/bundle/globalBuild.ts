import { readFileSync } from "node:fs";
import vm from "node:vm";

// `npm test` builds first (pretest), so this is the file a spreadsheet user pastes.
export const file = new URL("../../dist/xingji.global.js", import.meta.url);
export const code = readFileSync(file, "utf8");

/** A bare context with the global build loaded: no require, process, window, module, and no code generation from strings (no eval). */
export function bare(): vm.Context {
  const ctx = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(code, ctx);
  return ctx;
}
