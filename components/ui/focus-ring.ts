/** The one keyboard focus style, so every control shows focus the same, visible way. */
export const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';
