import { DECLARATION_TEXTS_CY } from '../../core/declaration-texts';
import type { TextKey } from './en';

/**
 * Welsh (Cymraeg), with the typographic apostrophe ’ throughout. Sources and
 * the status of each string (sourced from UK public-sector services, or
 * composed from their vocabulary) are in cy.md beside this file; the
 * composed ones want a Welsh-language reviewer before a release. Loaded as
 * its own chunk, only for Welsh pages.
 */
export const cy: Readonly<Partial<Record<TextKey, string>> & Record<string, string>> = {
  bannerLabel: 'Cwcis ar y wefan hon',
  body: 'Rydym yn defnyddio rhai cwcis hanfodol i wneud i’n gwefan weithio. Hoffem osod cwcis ychwanegol fel y gallwn gofio’ch dewisiadau a deall sut rydych yn defnyddio’n gwefan.',
  hint: 'Gallwch reoli eich dewisiadau a’ch gosodiadau cwcis unrhyw bryd drwy glicio ar “Addasu cwcis” isod.',
  cookiesNotice: 'I gael rhagor o wybodaeth am sut rydym yn defnyddio cwcis, gweler ein {hysbysiad cwcis}.',
  accept: 'Derbyn cwcis ychwanegol',
  reject: 'Gwrthod cwcis ychwanegol',
  customise: 'Addasu cwcis',
  accepted: 'Rydych wedi derbyn cwcis ychwanegol. Gallwch {newid eich gosodiadau cwcis} unrhyw bryd.',
  rejected: 'Rydych wedi gwrthod cwcis ychwanegol. Gallwch {newid eich gosodiadau cwcis} unrhyw bryd.',
  hide: 'Cuddio neges cwcis',
  // "y" stays outside the link: it mutates tudalen to dudalen.
  saved: 'Mae eich dewisiadau cwcis wedi’u cadw. Gallwch ddiweddaru eich gosodiadau cwcis unrhyw bryd ar y {dudalen cwcis}.',
  formSaved: 'Mae eich dewisiadau cwcis wedi’u cadw.',
  error: 'Mae’n ddrwg gennym, mae problem dechnegol wedi codi. Rhowch gynnig arall arni.',
  panelTitle: 'Addasu cwcis',
  panelIntro: 'Dewiswch pa gwcis ychwanegol y gallwn eu defnyddio. Mae cwcis hanfodol ymlaen bob amser.',
  save: 'Cadw dewisiadau cwcis',
  close: 'Cau',
  yes: 'Ie',
  no: 'Na',
  alwaysOn: 'Ymlaen bob amser',
  gpcNotice: 'Mae eich porwr yn anfon signal Global Privacy Control, felly mae hwn wedi’i osod i Na. Gallwch ddewis Ie o hyd.',
  placeholderName: 'Cynnwys wedi’i fewnosod',
  placeholderFrom: 'Darperir y cynnwys hwn gan {provider}.',
  placeholderCookies: 'Gall osod {category}.',
  placeholderLoad: 'Llwytho’r cynnwys hwn',
  placeholderAccept: 'Derbyn {category}',
  essentialOnly: 'Rydym yn defnyddio rhai cwcis hanfodol i wneud i’n gwefan weithio.',
  exemptStatistics:
    'Rydym hefyd yn defnyddio cwcis dadansoddi i ddeall sut rydych yn defnyddio’n gwefan, fel y gallwn ei gwella. Maent ymlaen oni bai eich bod yn eu diffodd.',
  exemptAppearance: 'Rydym hefyd yn defnyddio cwcis sy’n cofio sut rydych am i’n gwefan edrych a gweithio. Maent ymlaen oni bai eich bod yn eu diffodd.',
  exemptBoth:
    'Rydym hefyd yn defnyddio cwcis sy’n cofio sut rydych am i’n gwefan edrych a gweithio, a chwcis dadansoddi sy’n ein helpu i ddeall sut rydych yn ei defnyddio, fel y gallwn ei gwella. Maent ymlaen oni bai eich bod yn eu diffodd.',
  turnOff: 'Diffodd cwcis ychwanegol',
  turnedOff: 'Rydych wedi diffodd cwcis ychwanegol. Gallwch {newid eich gosodiadau cwcis} unrhyw bryd.',
  exemptNotice: 'Mae’r cwcis hyn ymlaen oni bai eich bod yn eu diffodd.',
  'category.essential.title': 'Cwcis hanfodol',
  'category.essential.description':
    'Mae’r cwcis hyn yn gwneud i’r wefan weithio, er enghraifft drwy ei chadw’n ddiogel a chofio eich dewisiadau cwcis. Maent ymlaen bob amser.',
  'category.preferences.title': 'Cwcis dewisiadau',
  'category.preferences.description': 'Mae’r cwcis hyn yn cofio eich dewisiadau, fel yr iaith neu faint y testun a ddewisoch.',
  'category.analytics.title': 'Cwcis dadansoddi',
  'category.analytics.description': 'Mae’r cwcis hyn yn ein helpu i ddeall sut rydych yn defnyddio’n gwefan, fel y gallwn ei gwella.',
  'category.marketing.title': 'Cwcis marchnata',
  'category.marketing.description':
    'Mae’r cwcis hyn yn ein helpu i ddangos hysbysebion perthnasol i chi ar wefannau eraill ac i fesur pa mor dda y maent yn gweithio.',
  ...DECLARATION_TEXTS_CY,
};
