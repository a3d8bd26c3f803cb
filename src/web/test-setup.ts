import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// jsdom lacks the browser APIs Mantine measures layout and media queries with.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  // A plain function, not vi.fn(): the console-error setup restores mocks after every test.
  value: (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList,
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;

// Mantine's Combobox scrolls the selected option into view; jsdom has no layout to scroll.
window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};

// Mantine's autosizing Textarea listens to document.fonts.
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: () => {}, removeEventListener: () => {} },
});

const { getComputedStyle } = window;
window.getComputedStyle = (element: Element) => getComputedStyle(element);

afterEach(() => {
  cleanup();
  // Tests stub fetch with vi.stubGlobal; no stub may leak into the next test.
  vi.unstubAllGlobals();
});
