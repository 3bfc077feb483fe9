// Helpers shared by the screen tests.
import { render, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { User } from '../api/types';
import { AppStateProvider } from '../state';

// Renders `ui` for a signed-in `user`.
export function renderAs(user: User, ui: React.ReactNode) {
  return render(<AppStateProvider initialUser={user}>{ui}</AppStateProvider>);
}

// Waits until an element matching `selector` exists (what arrives after a fetch), and returns it.
export function found(selector: string): Promise<Element> {
  return waitFor(() => {
    const el = document.querySelector(selector);
    expect(el, selector).not.toBeNull();
    return el!;
  });
}
