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
  onClose: () => void;
  children: ComponentChildren;
}

/**
 * The "Customise cookies" dialog: a modal dialog (`aria-modal`) named by its
 * heading, with a visible Close button; Escape closes it too, and Tab and
 * Shift+Tab wrap round inside it. The caller puts it over the page (dialog.tsx).
 */
export function PreferencesPanel({ id, texts, onClose, children }: PreferencesPanelProps) {
  return (
    <dialog
      class="bc-panel"
      aria-labelledby={id}
      aria-modal="true"
      open
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
