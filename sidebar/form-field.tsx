// One labelled field for the add-on's pages (Settings, Showcase, the hub's Settings): its label, the control, a hint
// and an error, and the ARIA attributes that tie the control to them.

export function Field(props: {
  id: string;
  label: string;
  /** Words only a screen reader hears, after the label. */
  labelMore?: string;
  error?: string;
  hint?: string;
  children: preact.ComponentChildren;
}) {
  return (
    <div>
      <label for={props.id}>
        {props.label}
        {props.labelMore && <span class="sr-only"> {props.labelMore}</span>}
      </label>
      {props.children}
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** The control's `aria-invalid` and `aria-describedby` for its error and hint (the hint as text, or `true`). */
export const described = (id: string, error?: string, hint?: string | boolean) => ({
  'aria-invalid': error ? ('true' as const) : undefined,
  'aria-describedby': [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined,
});
