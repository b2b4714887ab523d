import { DECLARATION_TEXTS_EN } from '../../core/declaration-texts';
import type { DialogTextKey } from './dialog-keys';

/**
 * English texts of the "Customise cookies" dialog and the cookies-page form,
 * in the dialog's chunk: a first visit that only sees the banner never
 * downloads them. The cookie tables' words are the core's, which the server's
 * tables share.
 */
export const enDialog: Readonly<Record<DialogTextKey, string>> = {
  /** After saving the form on the cookies page itself, where a link to that page would be pointless. */
  formSaved: 'Your cookie preferences have been saved.',
  panelTitle: 'Customise cookies',
  panelIntro: 'Choose which additional cookies we can use. Essential cookies are always on.',
  save: 'Save cookie preferences',
  close: 'Close',
  yes: 'Yes',
  no: 'No',
  alwaysOn: 'Always on',
  gpcNotice: 'Your browser is sending a Global Privacy Control signal, so this is set to No. You can still choose Yes.',
  ...DECLARATION_TEXTS_EN,
};
