/**
 * A value built the first time it is asked for, then kept: for work that is often not needed at all (a
 * schema a page never checks, a pattern a page never uses, the head of a profile whose body had every
 * detail), so that only the callers that need it pay for it.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}
