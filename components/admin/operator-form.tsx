// Create/edit an operator. The API token field is write-only: it is always
// empty, and the page only says whether a token is set.
import { ActionForm, type ActionResult } from "./action-form.tsx";
import { Select, TextInput } from "./ui.tsx";

export type OperatorFormValues = {
  id?: string; name?: string; apiBaseUrl?: string | null; ocpiVersion?: string | null; countryCode?: string | null; partyId?: string | null;
  supportPhone?: string | null; website?: string | null; isActive?: boolean; syncIntervalMinutes?: number | null; credentialsSet?: boolean;
  sync?: { locationsPath: string | null; tariffsPath: string | null; pageLimit: number | null };
};

export function OperatorForm({ op, action, m }: { op: OperatorFormValues; action: (i: unknown) => Promise<ActionResult>; m: Record<string, string> }) {
  return (
    <ActionForm
      action={action}
      submitLabel={op.id ? m.save : m.create}
      workingLabel={m.working}
      doneLabel={m.saved}
      goTo={op.id ? undefined : "/admin/operators/{id}"}
      fieldLabels={m}
      testId="operator-form"
      className="grid sm:grid-cols-2 gap-3"
    >
      {op.id && <input type="hidden" name="id" value={op.id} />}
      <TextInput name="name" label={m.name} defaultValue={op.name} required />
      <TextInput name="supportPhone" label={m.supportPhone} defaultValue={op.supportPhone} type="tel" />
      <TextInput name="apiBaseUrl" label={m.apiBaseUrl} defaultValue={op.apiBaseUrl} placeholder="https://ocpi.example.com/ocpi/cpo/2.2.1/" />
      <Select name="ocpiVersion" label={m.ocpiVersion} defaultValue={op.ocpiVersion ?? ""} options={[{ value: "", label: "—" }, { value: "2.1.1", label: "2.1.1" }, { value: "2.2", label: "2.2" }, { value: "2.2.1", label: "2.2.1" }]} />
      <TextInput name="locationsPath" label={m.locationsPath} defaultValue={op.sync?.locationsPath} placeholder="locations" />
      <TextInput name="tariffsPath" label={m.tariffsPath} defaultValue={op.sync?.tariffsPath} placeholder="tariffs" />
      <TextInput name="pageLimit" label={m.pageLimit} defaultValue={op.sync?.pageLimit} type="number" />
      <TextInput name="syncIntervalMinutes" label={m.syncIntervalMinutes} defaultValue={op.syncIntervalMinutes} type="number" />
      <TextInput name="countryCode" label={m.countryCode} defaultValue={op.countryCode} placeholder="NL" />
      <TextInput name="partyId" label={m.partyId} defaultValue={op.partyId} placeholder="ABC" />
      <TextInput name="website" label={m.website} defaultValue={op.website} />
      <label className="flex items-center gap-2 text-sm self-end">
        <input type="checkbox" name="isActive" defaultChecked={op.isActive ?? true} /> {m.isActive}
      </label>
      <fieldset className="sm:col-span-2 border border-slate-200 rounded-md p-3 flex flex-col gap-2">
        <legend className="text-sm font-medium px-1">{m.credentials}</legend>
        <p className="text-sm" data-testid="credentials-state">{op.credentialsSet ? m.credentialsSet : m.credentialsNotSet}</p>
        <TextInput name="apiToken" label={op.credentialsSet ? m.replaceToken : m.apiToken} type="password" autoComplete="new-password" />
        {op.credentialsSet && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="clearCredentials" /> {m.clearCredentials}
          </label>
        )}
      </fieldset>
    </ActionForm>
  );
}
