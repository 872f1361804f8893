/** The metadata form, for a new dataset and for an existing one. */
import { describeFrequency } from '../../../catalog/metadata-rules.js';
import { CATEGORIES, LICENSES } from '../../../catalog/vocabulary.js';
import { Fragment, h, type SafeHtml } from '../../html.js';
import type { FormErrors, FormValues } from '../dataset-form.js';
import { Csrf, ErrorSummary, RadioGroup, SelectField, TextArea, TextField } from './fields.js';
import { StaffFrame, type StaffInfo } from './frame.js';

const FREQUENCIES = [
  'R/PT1M',
  'R/PT5M',
  'R/PT15M',
  'R/PT1H',
  'R/P1D',
  'R/P1W',
  'R/P2W',
  'R/P1M',
  'R/P3M',
  'R/P6M',
  'R/P1Y',
  'irregular',
  'continuous',
];

const ACCESS_OPTIONS = [
  {
    value: 'public',
    label: 'Public',
    hint: 'Everyone sees the dataset and downloads its data.',
  },
  {
    value: 'restricted',
    label: 'Restricted',
    hint: 'Everyone sees the description; the data is for staff and people you grant access to.',
  },
  {
    value: 'non-public',
    label: 'Non-public',
    hint: 'Only staff and people you grant access to know the dataset exists.',
  },
];

/** Where each error links to in the summary. */
const anchor = (place: string) =>
  place === 'temporal'
    ? '#temporal_start'
    : place === 'spatial'
      ? '#west'
      : place === 'form'
        ? '#title'
        : `#${place}`;

const LABELS: Record<string, string> = {
  id: 'Identifier',
  title: 'Title',
  slug: 'Address (slug)',
  description: 'Description',
  category: 'Category',
  department: 'Department',
  keywords: 'Keywords',
  steward_name: 'Steward name',
  steward_email: 'Steward email',
  steward_phone: 'Steward phone',
  license: 'Licence',
  attribution: 'Attribution',
  update_frequency: 'Update frequency',
  access_level: 'Access level',
  temporal: 'Time covered',
  temporal_start: 'First date covered',
  temporal_end: 'Last date covered',
  spatial: 'Area covered',
  form: 'Form',
};

function GroupError(props: { id: string; error?: string | undefined }): SafeHtml {
  return props.error ? (
    <span class="error-message" id={props.id}>
      <span class="visually-hidden">Error: </span>
      {props.error}
    </span>
  ) : (
    <></>
  );
}

export function DatasetFormPage(props: {
  staff: StaffInfo;
  mode: 'new' | 'edit';
  values: FormValues;
  errors: FormErrors;
  departments: readonly { id: string; name: string }[];
  /** The edited dataset's title as stored (the heading keeps it while the form is being fixed). */
  currentTitle?: string;
}): SafeHtml {
  const v = props.values;
  const e = props.errors;
  const editing = props.mode === 'edit';
  const title = editing ? `Edit “${props.currentTitle ?? v.title}”` : 'Publish a new dataset';
  const action = editing ? `/staff/datasets/${encodeURIComponent(v.id)}/edit` : '/staff/datasets/new';
  const frequencies =
    FREQUENCIES.includes(v.update_frequency) || v.update_frequency === ''
      ? FREQUENCIES
      : [...FREQUENCIES, v.update_frequency];
  const summary = Object.entries(e).map(([place, message]) => ({
    href: anchor(place),
    message: `${LABELS[place] ?? place}: ${message}`,
  }));
  return (
    <StaffFrame staff={props.staff} title={summary.length ? `Error: ${title}` : title}>
      <h1>{title}</h1>
      {editing ? (
        <p>
          Changes show on the portal and in the APIs as soon as you save them.{' '}
          <a href={`/staff/datasets/${encodeURIComponent(v.id)}`}>Back to the dataset</a>
        </p>
      ) : (
        <p>
          Describe the dataset first; the next step uploads its data (CSV or GeoJSON), shows you a preview and
          publishes it. Until then the dataset is a draft that only you and your department's stewards see.
        </p>
      )}
      <ErrorSummary problems={summary} />
      <form method="post" action={action} class="form" novalidate>
        <Csrf token={props.staff.csrf} />
        <TextField
          name="title"
          label="Title"
          value={v.title}
          error={e.title}
          required
          hint="What the data is, in plain words: “Building Permits”."
        />
        {editing ? (
          <TextField
            name="id"
            label="Identifier"
            value={v.id}
            readonly
            required
            hint="The identifier never changes: API addresses use it."
          />
        ) : (
          <TextField
            name="id"
            label="Identifier"
            value={v.id}
            error={e.id}
            hint="Lowercase letters, digits and dashes, like bldg-permits. It never changes once the dataset exists. Leave it empty to make one from the title."
          />
        )}
        <TextField
          name="slug"
          label="Address (slug)"
          value={v.slug}
          error={e.slug}
          hint="Lowercase words joined by dashes. Leave it empty to make it from the title."
        />
        <TextArea
          name="description"
          label="Description"
          value={v.description}
          error={e.description}
          required
          rows={8}
          hint="What the data covers, where it comes from and what to know before using it. Markdown: **bold**, [links](https://...), lists."
        />
        <SelectField
          name="category"
          label="Category"
          value={v.category}
          error={e.category}
          required
          placeholder="Choose a category"
          options={CATEGORIES.map((c) => ({ value: c.id, label: c.title }))}
        />
        <SelectField
          name="department"
          label="Department"
          value={v.department}
          error={e.department}
          required
          placeholder="Choose a department"
          hint={props.departments.length === 1 ? undefined : 'The department that publishes the dataset.'}
          options={props.departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        <TextField
          name="keywords"
          label="Keywords"
          value={v.keywords}
          error={e.keywords}
          required
          hint="Words people search for, separated by commas: permits, construction."
        />
        <TextField
          name="steward_name"
          label="Steward name"
          value={v.steward_name}
          error={e.steward_name}
          required
          hint="The person or team who answers questions about the data."
          autocomplete="off"
        />
        <TextField
          name="steward_email"
          label="Steward email"
          type="email"
          value={v.steward_email}
          error={e.steward_email}
          required
          autocomplete="off"
        />
        <TextField
          name="steward_phone"
          label="Steward phone"
          type="tel"
          value={v.steward_phone}
          error={e.steward_phone}
          autocomplete="off"
        />
        <SelectField
          name="license"
          label="Licence"
          value={v.license}
          error={e.license}
          required
          placeholder="Choose a licence"
          options={LICENSES.map((l) => ({ value: l.id, label: `${l.title} (${l.id})` }))}
        />
        <TextField
          name="attribution"
          label="Attribution"
          value={v.attribution}
          error={e.attribution}
          hint="How users should credit the city when the licence asks for attribution."
        />
        <SelectField
          name="update_frequency"
          label="Update frequency"
          value={v.update_frequency}
          error={e.update_frequency}
          required
          options={frequencies.map((x) => ({ value: x, label: `${describeFrequency(x)} (${x})` }))}
        />
        <RadioGroup
          name="access_level"
          label="Access level"
          value={v.access_level}
          error={e.access_level}
          required
          options={ACCESS_OPTIONS}
        />
        <fieldset
          class={e.temporal || e.temporal_start || e.temporal_end ? 'field field-error' : 'field'}
          aria-describedby={e.temporal ? 'temporal-error' : undefined}
        >
          <legend>Time covered (optional)</legend>
          <span class="hint">
            Dates as YYYY-MM-DD. Leave the last date empty for data that is still growing.
          </span>
          <GroupError id="temporal-error" error={e.temporal} />
          <TextField
            name="temporal_start"
            label="First date covered"
            value={v.temporal_start}
            error={e.temporal_start}
          />
          <TextField
            name="temporal_end"
            label="Last date covered"
            value={v.temporal_end}
            error={e.temporal_end}
          />
        </fieldset>
        <fieldset
          class={e.spatial ? 'field field-error' : 'field'}
          aria-describedby={e.spatial ? 'spatial-error' : 'spatial-hint'}
        >
          <legend>Area covered (optional)</legend>
          <span class="hint" id="spatial-hint">
            A bounding box in WGS 84 degrees. Leave it empty for data with locations: the map extent comes
            from the data.
          </span>
          <GroupError id="spatial-error" error={e.spatial} />
          <TextField name="west" label="West (longitude)" value={v.west} inputmode="decimal" />
          <TextField name="south" label="South (latitude)" value={v.south} inputmode="decimal" />
          <TextField name="east" label="East (longitude)" value={v.east} inputmode="decimal" />
          <TextField name="north" label="North (latitude)" value={v.north} inputmode="decimal" />
        </fieldset>
        <p>
          <button type="submit">{editing ? 'Save changes' : 'Save and continue to the data'}</button>
        </p>
      </form>
    </StaffFrame>
  );
}
