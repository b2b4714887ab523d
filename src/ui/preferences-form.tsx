/** @jsxRuntime classic */
/** @jsx h */
import type { DeclarationRow } from '../core/declaration';
import { CookieTable } from './cookie-table';
import { h } from './preact-h';
import type { Texts } from './texts/en';
import { button, notice, paragraph, type FormAction } from './view';

/** A category as the form shows it: the config's flags with texts in the visitor's language. */
export interface CategoryView {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly essential: boolean;
  readonly gpc: boolean;
  /** On unless the visitor objects (a UK exemption). */
  readonly exemption?: string | undefined;
  /** "en" when the title or the description fell back to English inside another language. */
  readonly titleLang?: 'en' | undefined;
  readonly descriptionLang?: 'en' | undefined;
  /** Its cookie table, in the visitor's language; none is shown when empty. */
  readonly rows: readonly DeclarationRow[];
}

/** What one form holds between renders: the visitor's unsaved choices and the last outcome. */
export interface FormState {
  choices: Record<string, boolean>;
  notice?: 'saved' | 'error' | undefined;
}

/** Props of `PreferencesForm`. */
export interface PreferencesFormProps {
  /** Unique prefix for the ids that tie descriptions to their controls. */
  id: string;
  /** Essential ones first. */
  categories: readonly CategoryView[];
  texts: Texts;
  href: string | undefined;
  /** The browser sends Global Privacy Control. */
  gpc: boolean;
  /** Every optional category is on unless the visitor objects: the form turns them off rather than rejecting. */
  onlyExempt: boolean;
  state: FormState;
  onChoose: (name: string, granted: boolean) => void;
  onAction: (action: FormAction) => void;
}

/**
 * The category-by-category choice, shared by the "Customise cookies" dialog
 * and the cookies page. Essential categories come first, explained but not a
 * control; each optional one is a fieldset with a Yes/No pair of radios, never
 * pre-set to Yes for a visitor who has not said so, except a category that is
 * on unless the visitor objects (a UK exemption), which says so and shows Yes
 * until they choose No. The notice of the last save sits at the top. Each
 * category with declared cookies has its cookie table, closed, under its
 * description. The essential group is labelled by its title (an id) and each
 * fieldset described by its description (an id), hence `id`.
 */
export function PreferencesForm({ id, categories, texts, href, gpc, onlyExempt, state, onChoose, onAction }: PreferencesFormProps) {
  const { choices, notice: outcome } = state;
  const { langs } = texts;
  const noticeText = outcome == 'saved' ? 'formSaved' : 'error';
  return (
    <form
      class="bc-form"
      onSubmit={(event) => {
        event.preventDefault();
        onAction('save');
      }}
    >
      {outcome && notice(h, outcome == 'saved' ? 'status' : 'alert', texts[noticeText], undefined, langs[noticeText])}
      {paragraph(h, texts.panelIntro, href, langs.panelIntro)}
      {categories.map(({ name, title, description, essential, gpc: honoursGpc, exemption, titleLang, descriptionLang, rows }) => {
        const describedBy = `${id}-${name}`;
        const table = rows.length > 0 && <CookieTable id={describedBy + '-t'} caption={title} captionLang={titleLang} rows={rows} texts={texts} />;
        return essential ? (
          // A group, not a fieldset: an essential category has no control in it, and a fieldset around plain text is announced as an empty form part.
          // biome-ignore lint/a11y/useSemanticElements: see above
          <div key={name} class="bc-category" role="group" aria-labelledby={describedBy}>
            <p class="bc-legend" id={describedBy} lang={titleLang}>
              {title}
            </p>
            {paragraph(h, description, href, descriptionLang)}
            <p class="bc-always" lang={langs.alwaysOn}>
              {texts.alwaysOn}
            </p>
            {table}
          </div>
        ) : (
          <fieldset key={name} class="bc-category" aria-describedby={describedBy}>
            <legend class="bc-legend" lang={titleLang}>
              {title}
            </legend>
            <div id={describedBy}>
              {paragraph(h, description, href, descriptionLang)}
              {exemption && paragraph(h, texts.exemptNotice, href, langs.exemptNotice)}
              {gpc && (honoursGpc || exemption) && paragraph(h, texts.gpcNotice, href, langs.gpcNotice, 'bc-text bc-gpc')}
            </div>
            {table}
            <div class="bc-radios">
              {[true, false].map((granted) => (
                <label key={String(granted)} class="bc-radio" lang={granted ? langs.yes : langs.no}>
                  <input type="radio" name={name} checked={choices[name] === granted} onChange={() => onChoose(name, granted)} />
                  {granted ? texts.yes : texts.no}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div class="bc-actions">
        {button(h, texts.save, langs.save)}
        {!onlyExempt && button(h, texts.accept, langs.accept, () => onAction('accept'))}
        {button(h, texts[onlyExempt ? 'turnOff' : 'reject'], langs[onlyExempt ? 'turnOff' : 'reject'], () => onAction('reject'))}
      </div>
    </form>
  );
}
