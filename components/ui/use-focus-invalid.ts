'use client';

import { useCallback, useRef } from 'react';

/**
 * Moves focus to a form's first invalid field (`aria-invalid="true"`) after React has rendered the
 * errors, so keyboard and screen-reader users land on what needs fixing.
 */
export function useFocusInvalid<T extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<T>(null);
  const focusInvalid = useCallback(() => {
    requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }, []);
  return { ref, focusInvalid };
}
