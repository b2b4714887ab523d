/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import type { Texts } from './texts/en';
import { Button } from './button';
import { Notice } from './notice';
import { Paragraph } from './paragraph';

/** A category as the form shows it: the config's flags with texts in the visitor's language. */
export interface CategoryView {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly essential: boolean;
  readonly gpc: boolean;
  /** "en" when the title or the description fell back to English inside another language. */
  readonly titleLang?: 'en' | undefined;
  readonly descriptionLang?: 'en' | undefined;
}

/** What one form holds between renders: the visitor's unsaved choices and the last outcome. */
export interface FormState {
  choices: Record<string, boolean>;
  notice?: 'saved' | 'error' | undefined;
}

/** Which button of the form was pressed. */
export type FormAction = 'save' | 'accept' | 'reject';

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
  state: FormState;
  onChoose: (name: string, granted: boolean) => void;
  onAction: (action: FormAction) => void;
}

/**
 * The category-by-category choice, shared by the "Customise cookies" dialog
 * and the cookies page. Essential categories come first, explained but not a
 * control; each optional one is a fieldset with a Yes/No pair of radios, never
 * pre-set to Yes for a visitor who has not said so. The notice of the last
 * save sits at the top. The essential group is labelled by its title (an id)
 * and each fieldset described by its description (an id), hence `id`.
 */
export function PreferencesForm({ id, categories, texts, href, gpc, state, onChoose, onAction }: PreferencesFormProps) {
  const { choices, notice } = state;
  const { langs } = texts;
  const noticeText = notice == 'saved' ? 'formSaved' : 'error';
  return (
    <form
      class="bc-form"
      onSubmit={(event) => {
        event.preventDefault();
        onAction('save');
      }}
    >
      {notice && <Notice role={notice == 'saved' ? 'status' : 'alert'} text={texts[noticeText]} lang={langs[noticeText]} />}
      <Paragraph text={texts.panelIntro} href={href} lang={langs.panelIntro} />
      {categories.map(({ name, title, description, essential, gpc: honoursGpc, titleLang, descriptionLang }) => {
        const describedBy = `${id}-${name}`;
        return essential ? (
          <div key={name} class="bc-category" role="group" aria-labelledby={describedBy}>
            <p class="bc-legend" id={describedBy} lang={titleLang}>
              {title}
            </p>
            <Paragraph text={description} href={href} lang={descriptionLang} />
            <p class="bc-always" lang={langs.alwaysOn}>
              {texts.alwaysOn}
            </p>
          </div>
        ) : (
          <fieldset key={name} class="bc-category" aria-describedby={describedBy}>
            <legend class="bc-legend" lang={titleLang}>
              {title}
            </legend>
            <div id={describedBy}>
              <Paragraph text={description} href={href} lang={descriptionLang} />
              {gpc && honoursGpc && <Paragraph class="bc-text bc-gpc" text={texts.gpcNotice} href={href} lang={langs.gpcNotice} />}
            </div>
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
        <Button lang={langs.save}>{texts.save}</Button>
        <Button lang={langs.accept} onClick={() => onAction('accept')}>
          {texts.accept}
        </Button>
        <Button lang={langs.reject} onClick={() => onAction('reject')}>
          {texts.reject}
        </Button>
      </div>
    </form>
  );
}
