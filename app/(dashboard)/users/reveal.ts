import type { RevealedValue } from '@/components/ui/secret-reveal';

/** A one-time secret waiting to be shown by the panel's SecretReveal. */
export interface Reveal {
  title: string;
  description: string;
  values: RevealedValue[];
}
