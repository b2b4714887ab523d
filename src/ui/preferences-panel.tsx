/** @jsxRuntime classic */
/** @jsx h */
import type { ComponentChildren } from 'preact';
import { trapTab } from './focus-trap';
import { h } from './preact-h';
import type { Texts } from './texts/en';
import { button } from './view';

/** Props of `PreferencesPanel`. */
export interface PreferencesPanelProps {
  /** Unique id of the heading, which names the dialog. */
  id: string;
  texts: Texts;
  /**
   * The browser has `showModal()`, which the caller runs after rendering. Otherwise
   * the dialog is rendered open with `role="dialog"` and `aria-modal`.
   */
  native: boolean;
  onClose: () => void;
  children: ComponentChildren;
}

/**
 * The "Customise cookies" dialog: a modal `<dialog>` named by its heading, with
 * a visible Close button; Escape closes it too. Tab and Shift+Tab wrap round
 * inside it, also with `showModal()`, which would let focus leave the page for
 * the browser's toolbar and come back on the dialog itself.
 */
export function PreferencesPanel({ id, texts, native, onClose, children }: PreferencesPanelProps) {
  return (
    <dialog
      class="bc-panel"
      aria-labelledby={id}
      role={native ? undefined : 'dialog'}
      aria-modal={native ? undefined : 'true'}
      open={!native || undefined}
      // The browser closed it itself (for example the Android back gesture).
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key == 'Escape') {
          event.preventDefault();
          onClose();
        } else if (event.key == 'Tab') {
          trapTab(event, event.currentTarget);
        }
      }}
    >
      <div class="bc-header">
        <h2 class="bc-title" id={id} tabIndex={-1} lang={texts.langs.panelTitle}>
          {texts.panelTitle}
        </h2>
        {button(h, texts.close, texts.langs.close, onClose, 'bc-secondary')}
      </div>
      {children}
    </dialog>
  );
}
