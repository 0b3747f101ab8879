/** The product mark and name; the mark is decorative, so only the name is read out. */
export function Logo({ name, nameClassName }: { name: string; nameClassName?: string }) {
  return (
    <span className="inline-flex items-center gap-2.5 font-semibold whitespace-nowrap text-slate-900">
      <span aria-hidden="true" className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-700 text-sm font-bold text-white">
        P
      </span>
      <span className={nameClassName}>{name}</span>
    </span>
  );
}
