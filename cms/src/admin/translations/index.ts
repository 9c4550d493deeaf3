import { ADMIN_CORE } from './admin-core';
import { CONTENT_MANAGER } from './content-manager';
import { I18N } from './i18n';
import { UPLOAD } from './upload';

const prefixed = (plugin: string, messages: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${plugin}.${key}`, value]));

/**
 * Strapi's Italian strings that name Strapi, or read oddly to the people of a network: they name
 * the network instead, and say what the platform is for.
 */
const networkTexts = (network: string): Record<string, string> => ({
  'Auth.form.welcome.title': `Benvenuti nella piattaforma di ${network}`,
  'Auth.form.welcome.subtitle': 'Accedete con l’e-mail e la password del vostro account',
  'Auth.form.register.subtitle': `Scegliete la password con cui accederete alla piattaforma di ${network}.`,
  'Auth.form.register.news.label': 'Ricevere notizie sulle novità della piattaforma',
  'Auth.form.button.register': 'Imposta la password ed entra',
  'Auth.form.button.login.strapi': 'Accedi',
  'Auth.form.button.login': 'Accedi',
  'Auth.link.signin.account': 'Avete già un account? Accedete',
  'app.components.LeftMenu.navbrand.title': network,
  'app.components.LeftMenu.navbrand.workplace': 'Piattaforma della rete',
  'HomePage.header.subtitle': `La vostra pagina di lavoro sulla piattaforma di ${network}`,
  'HomePage.welcome.congrats.content': `Siete entrati come primo amministratore della piattaforma di ${network}.`,
  'Settings.permissions.users.listview.header.subtitle': `Le persone che accedono all’amministrazione della piattaforma di ${network}`,
  'app.components.BlockLink.blog.content': `Le novità della piattaforma di ${network}.`,
  'app.components.BlockLink.cloud': 'Ospitalità della piattaforma',
  'app.components.BlockLink.cloud.content': 'La piattaforma ospitata e gestita.',
  'app.components.BlockLink.tutorial.content': 'Istruzioni passo passo.',
  'app.components.HomePage.welcomeBlock.content.again': 'Bentornati.',
  'app.components.NpsSurvey.banner-title': 'Consigliereste la piattaforma a un collega?',
  'components.AutoReloadBlocker.description': 'Riavviare il CMS.',
  'global.plugins.sentry.description': 'Invia gli errori a Sentry.',
  'notification.ee.warning.over-.message':
    'Aggiungete posti per {licenseLimitStatus, select, OVER_LIMIT {invitare} AT_LIMIT {riattivare}} utenti, poi riavviate la piattaforma.',
  'notification.version.update.message': 'È disponibile una versione nuova della piattaforma.',
  'Settings.application.strapi-version': 'VERSIONE DEL CMS',
  'Settings.application.strapiVersion': 'Versione del CMS',
  'search.placeholder': 'Cerca per nome…',
  'app.components.LeftMenu.logout': 'Esci',
  'global.content-manager': 'Contenuti',
  'app.components.LeftMenu.profile': 'Il mio profilo',
  'upload.plugin.name': 'Libreria dei file',
  'global.profile': 'Il mio profilo',
});

/**
 * Every Italian string the panel shows that Strapi's own catalogues lack or word for developers,
 * given the network's name: Strapi's admin merges these over its `it` catalogues.
 */
export const italianOverrides = (network: string): Record<string, string> => ({
  ...ADMIN_CORE,
  ...prefixed('content-manager', CONTENT_MANAGER),
  ...prefixed('upload', UPLOAD),
  ...prefixed('i18n', I18N),
  ...networkTexts(network),
});
