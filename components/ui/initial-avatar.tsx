// A person's initial in a brand circle, where there is no picture; decorative (the name is always next to it).
const SIZES = {
  sm: "h-7 w-7 text-xs font-semibold",
  md: "h-9 w-9 text-sm font-semibold",
  lg: "h-10 w-10 font-semibold",
  xl: "h-20 w-20 flex-none text-3xl font-bold",
} as const;

export function InitialAvatar({ name, size }: { name: string; size: keyof typeof SIZES }) {
  return (
    <span aria-hidden className={`flex items-center justify-center rounded-full bg-brand-600 text-white ${SIZES[size]}`}>
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
