import type { AdminChrome } from '../../views/layout.js';
import { AdminLayout, Csrf, Field, Select, TextArea } from '../../views/layout.js';
import type { EditorValues } from '../editor.schema.js';

export interface Option {
  value: number | string;
  label: string;
}

export interface EditorPageProps {
  chrome: AdminChrome;
  title: string;
  action: string;
  values: EditorValues;
  status: string | null;
  /** The actions this person may take on this story, by intent. */
  allowed: { submit: boolean; publish: boolean; schedule: boolean; unpublish: boolean; trash: boolean };
  options: { categories: Option[]; authors: Option[]; sources: Option[]; series: Option[]; media: Option[] };
  errors?: Record<string, string>;
  notice?: string | null;
  error?: string | null;
  articleId: number | null;
  publicUrl: string | null;
  revisions: { id: number; label: string }[];
  timezone: string;
}

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <p class="checkbox">
      <input type="checkbox" id={`f-${name}`} name={name} value="1" checked={checked} />
      <label for={`f-${name}`}>{label}</label>
    </p>
  );
}

export function EditorPage(p: EditorPageProps) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <AdminLayout chrome={p.chrome} title={p.title} notice={p.notice} error={p.error}>
      {p.status ? (
        <p>
          Status: <span class="status">{p.status}</span>
          {p.publicUrl ? (
            <>
              {' · '}
              <a href={p.publicUrl}>View on the site</a>
            </>
          ) : null}
        </p>
      ) : null}
      <form method="post" action={p.action} data-editor="" data-preview-url="/admin/preview" data-autosave-url={p.articleId ? `/admin/articles/${p.articleId}/autosave` : undefined}>
        <Csrf token={p.chrome.csrf} />
        <input type="hidden" name="version" value={v.version} />
        <div class="editor">
          <div>
            <Field name="title" label="Headline" value={v.title} required maxLength={500} error={e.title} />
            <Field name="dek" label="Dek (standfirst)" value={v.dek} maxLength={1000} error={e.dek} />
            <Field name="slug" label="Slug" value={v.slug} hint="The story's address: lower-case words joined by hyphens. Leave empty to make it from the headline." error={e.slug} maxLength={190} />
            <TextArea name="body" label="Text (Markdown)" value={v.body} rows={20} hint="Markdown: ## heading, **bold**, [link](https://…), ![description of the image](/media/…)." error={e.body} />
            <p class="hint" id="autosave-status" role="status"></p>
            <TextArea name="excerpt" label="Excerpt" value={v.excerpt} hint="The teaser on lists; the opening words of the text when empty." error={e.excerpt} />
            <section aria-labelledby="preview-title" class="preview">
              <h2 id="preview-title">Live preview</h2>
              <div id="live-preview" class="prose">
                <p class="hint">With JavaScript on, the text is previewed here as you type. Without it, use the Preview button.</p>
              </div>
            </section>
          </div>
          <div>
            <fieldset>
              <legend>Publish</legend>
              <Field name="publishAt" label={`Publish at (${p.timezone})`} type="datetime-local" value={v.publishAt} hint="For Schedule: a time in the future." error={e.publishAt} />
              <div class="actions">
                <button type="submit" name="intent" value="save">
                  Save
                </button>
                <button type="submit" name="intent" value="preview" class="secondary">
                  Preview
                </button>
                {p.allowed.submit ? (
                  <button type="submit" name="intent" value="submit" class="secondary">
                    Submit for review
                  </button>
                ) : null}
                {p.allowed.schedule ? (
                  <button type="submit" name="intent" value="schedule" class="secondary">
                    Schedule
                  </button>
                ) : null}
                {p.allowed.publish ? (
                  <button type="submit" name="intent" value="publish">
                    Publish
                  </button>
                ) : null}
                {p.allowed.unpublish ? (
                  <button type="submit" name="intent" value="unpublish" class="secondary">
                    {p.status === 'trash' ? 'Restore to drafts' : 'Unpublish'}
                  </button>
                ) : null}
                {p.allowed.trash ? (
                  <button type="submit" name="intent" value="trash" class="danger">
                    Move to trash
                  </button>
                ) : null}
              </div>
            </fieldset>
            <fieldset>
              <legend>Filing</legend>
              <Select name="type" label="Type" value={v.type} options={[{ value: 'post', label: 'Story' }, { value: 'page', label: 'Static page' }]} />
              <Select name="kind" label="Kind" value={v.kind} options={['news', 'opinion', 'review', 'analysis'].map((k) => ({ value: k, label: k }))} error={e.kind} />
              <Select name="categoryId" label="Category" value={v.categoryId} options={p.options.categories} empty="(none)" error={e.categoryId} />
              <Field name="tags" label="Tags" value={v.tags} hint="Separated by commas; new tags are created." maxLength={2000} />
              <Select name="authorIds" label="Authors" value={null} values={v.authorIds} multiple options={p.options.authors} error={e.authorIds} />
              <Check name="featured" label="Feature on the home page" checked={v.featured} />
              <Check name="commentsEnabled" label="Comments open" checked={v.commentsEnabled} />
            </fieldset>
            <fieldset>
              <legend>Featured image</legend>
              <Select name="mediaId" label="Image from the library" value={v.mediaId} options={p.options.media} empty="(none)" />
              <Field name="imageAlt" label="Alt text" value={v.imageAlt} hint="What the image shows, for readers who cannot see it. Required to publish." maxLength={1000} />
              <Field name="imageCaption" label="Caption" value={v.imageCaption} maxLength={1000} />
              <Field name="imageCredit" label="Credit" value={v.imageCredit} maxLength={500} />
              <p>
                <a href="/admin/media/">Upload to the media library</a>
              </p>
            </fieldset>
            <fieldset>
              <legend>Source and series</legend>
              <Select name="sourceId" label="Source" value={v.sourceId} options={p.options.sources} empty="(own reporting)" />
              <Field name="originalUrl" label="Original URL" type="url" value={v.originalUrl} error={e.originalUrl} maxLength={2000} />
              <Field name="originalAuthor" label="Original author" value={v.originalAuthor} maxLength={300} />
              <Select name="seriesId" label="Series" value={v.seriesId} options={p.options.series} empty="(none)" />
              <Field name="seriesPart" label="Part" type="number" value={v.seriesPart} error={e.seriesPart} />
            </fieldset>
            <fieldset>
              <legend>Language</legend>
              <Field name="lang" label="Language tag" value={v.lang} hint="e.g. en, ar, fa; empty for the site's language." error={e.lang} maxLength={35} />
              <Select name="dir" label="Direction" value={v.dir} options={[{ value: 'ltr', label: 'left to right' }, { value: 'rtl', label: 'right to left' }]} empty="(from the language)" />
            </fieldset>
            {p.revisions.length ? (
              <fieldset>
                <legend>Revisions</legend>
                <ul>
                  {p.revisions.map((r) => (
                    <li key={r.id}>
                      <a href={`/admin/articles/${p.articleId}/revisions/${r.id}`}>{r.label}</a>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : null}
          </div>
        </div>
      </form>
    </AdminLayout>
  );
}
