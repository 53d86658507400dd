// Injected into the global build only (tsup.config.ts): bundled code that reads `globalThis`
// (zod keeps its config and registry there) gets this object instead. Loading then needs no
// `globalThis` (engines before ES2020 have none), and defines no global but `Xingji`.
const scope = {};
export { scope as globalThis };
