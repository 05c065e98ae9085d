/**
 * Small helpers for the rules' per-item closures. Why they exist: under tsx (esbuild's keepNames, how the scorer runs
 * in scripts, the bench and the eval) a function bound to a local name inside a function is renamed by a
 * defineProperty call each time that line runs, about 0.25 µs, a few per item; a closure made by a module-level
 * function and returned anonymous is not. (The Lambda bundle is built without keepNames and never paid this.)
 */

/** `make()` worked out on first use and remembered. */
export function once<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}
