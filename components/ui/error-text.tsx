/** An inline failure message, announced to screen readers. */
export function ErrorText({ children }: { children: string | null | undefined }) {
  if (!children) return null;
  return (
    <p role="alert" className="text-sm text-red-700">
      {children}
    </p>
  );
}
