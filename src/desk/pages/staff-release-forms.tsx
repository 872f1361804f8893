/** The detail page's parts about what is released: documents, datasets ("request to dataset"), the public log. */
import { Fragment, h, type SafeHtml } from '../../web/html.js';
import { TextArea, TextField } from '../../web/staff/pages/fields.js';
import type { ReleasedDocument } from '../records/records.types.js';
import { ActionForm, Choices, errorOf, Section, valueOf } from './staff-fields.js';
import { actionOf, acts, stateFor } from './staff-request-forms.js';
import type { DetailProps } from './staff-request-page.js';
import { DOCUMENT_LABELS, VISIBILITY_LABELS, VISIBILITY_SHORT } from './staff-words.js';

function Document(props: { d: ReleasedDocument; format: DetailProps['format'] }): SafeHtml {
  const d = props.d;
  const url = d.url;
  return (
    <li style="margin-bottom:0.75rem">
      <strong>{url ? <a href={url}>{d.title}</a> : d.title}</strong>{' '}
      <span class="badge">{VISIBILITY_SHORT[d.visibility]}</span>
      <br />
      {d.kind === 'upload' ? `File${d.fileName ? `: ${d.fileName}` : ''}` : null}
      {d.kind === 'dataset' && d.datasetId ? (
        <>
          Dataset <a href={`/datasets/${encodeURIComponent(d.datasetId)}`}>{d.datasetId}</a>
        </>
      ) : null}
      {d.kind === 'offline' ? 'Not online' : null}, released {props.format.dateTime(d.releasedAt)}
      {d.description ? <p style="white-space:pre-wrap;margin:0.25rem 0">{d.description}</p> : null}
      {d.redactionNote ? <p style="margin:0.25rem 0">Redactions: {d.redactionNote}</p> : null}
    </li>
  );
}

export function DocumentsSection(props: DetailProps): SafeHtml {
  const r = props.request;
  const state = stateFor(props, 'release');
  return (
    <Section
      id="documents"
      title="Released documents"
      form={
        !acts(props) ? null : (
          <ActionForm
            id="release"
            title="Release a document"
            action={actionOf(props, 'documents')}
            csrf={props.staff.csrf}
            state={state}
            multipart
            submit="Release"
          >
            <Choices
              type="radio"
              name="release-kind"
              legend="What you are releasing"
              required
              error={errorOf(state, 'release-kind')}
              checked={[valueOf(state, 'release-kind', 'upload')]}
              options={[
                { value: 'upload', label: DOCUMENT_LABELS.upload, hint: 'Choose the file below.' },
                { value: 'dataset', label: DOCUMENT_LABELS.dataset, hint: 'Enter its identifier below.' },
                { value: 'offline', label: DOCUMENT_LABELS.offline, hint: 'Describe it below.' },
              ]}
            />
            <TextField
              name="release-title"
              label="Title"
              hint="How the requester will see it named. For a file, its name when left empty."
              value={valueOf(state, 'release-title')}
              error={errorOf(state, 'release-title')}
            />
            <div class={errorOf(state, 'release-file') ? 'field field-error' : 'field'}>
              <label for="release-file">File (optional)</label>
              <span class="hint" id="release-file-hint">
                For a file.
              </span>
              {errorOf(state, 'release-file') ? (
                <span class="error-message" id="release-file-error">
                  <span class="visually-hidden">Error: </span>
                  {errorOf(state, 'release-file')}
                </span>
              ) : null}
              <input
                type="file"
                id="release-file"
                name="release-file"
                aria-describedby={
                  errorOf(state, 'release-file')
                    ? 'release-file-hint release-file-error'
                    : 'release-file-hint'
                }
                aria-invalid={errorOf(state, 'release-file') ? 'true' : undefined}
              />
            </div>
            <TextField
              name="release-dataset"
              label="Dataset identifier (for a dataset)"
              hint="As in its address: /datasets/identifier."
              value={valueOf(state, 'release-dataset')}
              error={errorOf(state, 'release-dataset')}
            />
            <TextArea
              name="release-description"
              label="Description"
              hint="For a record that is not online: what it is, and how the requester can see or get it."
              rows={3}
              value={valueOf(state, 'release-description')}
              error={errorOf(state, 'release-description')}
            />
            <Choices
              type="radio"
              name="release-visibility"
              legend="Who may see it"
              required
              error={errorOf(state, 'release-visibility')}
              checked={[valueOf(state, 'release-visibility', 'requester')]}
              options={(['public', 'requester', 'staff'] as const).map((v) => ({
                value: v,
                label: VISIBILITY_LABELS[v],
              }))}
            />
            <TextArea
              name="release-redaction"
              label="Redaction note"
              hint="What was redacted, and the exemption that allows it."
              rows={3}
              value={valueOf(state, 'release-redaction')}
              error={errorOf(state, 'release-redaction')}
            />
          </ActionForm>
        )
      }
    >
      {r.documents.length === 0 ? (
        <p>Nothing is released yet.</p>
      ) : (
        <ul style="max-width:48rem">
          {r.documents.map((d) => (
            <Document d={d} format={props.format} />
          ))}
        </ul>
      )}
    </Section>
  );
}

export function DatasetsSection(props: DetailProps): SafeHtml {
  const r = props.request;
  const state = stateFor(props, 'dataset');
  return (
    <Section
      id="datasets"
      title="Datasets"
      form={
        props.works ? (
          <ActionForm
            id="dataset"
            title="Link a dataset to this request"
            action={actionOf(props, 'datasets')}
            csrf={props.staff.csrf}
            state={state}
            submit="Link the dataset"
          >
            <TextField
              name="dataset-id"
              label="Dataset identifier"
              required
              hint="As in its address: /datasets/identifier."
              value={valueOf(state, 'dataset-id')}
              error={errorOf(state, 'dataset-id')}
            />
          </ActionForm>
        ) : null
      }
    >
      {r.datasets.length === 0 ? (
        <p>No dataset is linked to this request.</p>
      ) : (
        <ul>
          {r.datasets.map((d) => (
            <li>
              <a href={`/datasets/${encodeURIComponent(d.id)}`}>{d.title}</a> (<code>{d.id}</code>)
            </li>
          ))}
        </ul>
      )}
      {props.works && props.publishesDatasets ? (
        <p>
          When the released records are data others will ask for too,{' '}
          <a href={`/staff/datasets/new?records_request=${encodeURIComponent(r.id)}`}>
            publish the released records as a dataset
          </a>
          , then link it here.
        </p>
      ) : null}
    </Section>
  );
}

export function PublicationSection(props: DetailProps): SafeHtml {
  const r = props.request;
  const state = stateFor(props, 'publication');
  const current = r.published ? 'publish' : r.privateReason ? 'private' : '';
  return (
    <Section
      id="publication"
      title="Public log"
      form={
        props.works ? (
          <ActionForm
            id="publication"
            title="Publish or keep private"
            action={actionOf(props, 'publication')}
            csrf={props.staff.csrf}
            state={state}
            submit="Save"
          >
            <Choices
              type="radio"
              name="publication-choice"
              legend="In the public log"
              required
              error={errorOf(state, 'publication-choice')}
              checked={[valueOf(state, 'publication-choice', current)]}
              options={[
                { value: 'publish', label: 'Publish it in the public log' },
                {
                  value: 'private',
                  label: 'Keep it private',
                  hint: 'Only where the law requires it; say why.',
                },
              ]}
            />
            <TextArea
              name="publication-reason"
              label="Why it is kept private"
              hint="Needed to keep it private: the law that requires it."
              rows={3}
              value={valueOf(state, 'publication-reason', r.privateReason ?? '')}
              error={errorOf(state, 'publication-reason')}
            />
          </ActionForm>
        ) : null
      }
    >
      <p>
        {r.published
          ? 'The request is in the public log, with its public messages and public documents. The requester is never named there.'
          : r.privateReason
            ? `The request is kept out of the public log: ${r.privateReason}`
            : 'The request is not in the public log yet.'}
      </p>
    </Section>
  );
}
