// pg-boss 10 ships no types for its internal modules; settle-guard.ts patches this one.
declare module "pg-boss/src/manager.js" {
  type Settle = (...args: unknown[]) => Promise<unknown>;
  const Manager: { prototype: { complete: Settle; fail: Settle } };
  export default Manager;
}
