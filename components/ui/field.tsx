// A labelled input with its error message tied to it for screen readers.
export function Field(props: {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  required?: boolean;
  hint?: string;
  error?: string[];
  defaultValue?: string;
  inputMode?: "email" | "tel" | "text" | "numeric" | "decimal";
}) {
  const id = `f-${props.name}`;
  const describedBy = [props.hint && `${id}-hint`, props.error?.length && `${id}-err`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        required={props.required}
        defaultValue={props.defaultValue}
        inputMode={props.inputMode}
        aria-invalid={props.error?.length ? true : undefined}
        aria-describedby={describedBy}
        className="border border-slate-300 rounded-md px-3 py-2 text-base bg-white aria-[invalid=true]:border-red-500"
      />
      {props.hint && <p id={`${id}-hint`} className="text-xs text-slate-500">{props.hint}</p>}
      {props.error?.length ? <p id={`${id}-err`} className="text-sm text-red-600">{props.error.join(" ")}</p> : null}
    </div>
  );
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 border border-red-200 text-red-700 px-3 py-2 text-sm">
      {message}
    </p>
  );
}
