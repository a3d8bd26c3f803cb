// Test helper: makes every media query match, as on a phone held upright (below every
// max-width breakpoint), until the returned function restores the desktop answer.
export function pretendPhone(): () => void {
  const original = window.matchMedia;
  window.matchMedia = (query: string) => ({ ...original(query), matches: true });
  return () => {
    window.matchMedia = original;
  };
}
