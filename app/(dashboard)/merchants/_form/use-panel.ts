'use client';

import { useEffect, useRef, useState } from 'react';

const CONTROLS = 'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled])';

/**
 * An inline form that takes its opener's place. Opening moves focus to the form's first control;
 * closing returns it to the opener (unless the caller moves it elsewhere), so keyboard users are
 * never left on a button that vanished.
 */
export function usePanel() {
  const [open, setOpen] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<'panel' | 'opener' | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'panel') panelRef.current?.querySelector<HTMLElement>(CONTROLS)?.focus();
    if (target === 'opener') openerRef.current?.focus();
  }, [open]);

  return {
    open,
    openerRef,
    panelRef,
    show: () => {
      focusNext.current = 'panel';
      setOpen(true);
    },
    /** `returnFocus: false` when something else takes focus, e.g. the channel just activated. */
    hide: ({ returnFocus = true }: { returnFocus?: boolean } = {}) => {
      focusNext.current = returnFocus ? 'opener' : null;
      setOpen(false);
    },
  };
}
