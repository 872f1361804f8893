/** Resources that tests open (apps, servers, browsers), closed at the end of the file if a test forgot to. */
const open = new Set<() => Promise<void>>();

/** Registers a close function; returns the function to call instead, which also unregisters it. */
export function track(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  const once = () => {
    open.delete(once);
    closing ??= close();
    return closing;
  };
  open.add(once);
  return once;
}

/** Closes whatever is still open, newest first. */
export async function closeLeftovers(): Promise<void> {
  for (const close of [...open].reverse()) await close();
}
