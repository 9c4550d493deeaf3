import type { Core } from '@strapi/strapi';
import { CONDITIONS } from './conditions';
import {
  ALERT_SUBSCRIPTION,
  CONSORTIUM_SERVICE,
  EMAIL_MESSAGE,
  ORGANISATION,
  ORGANISATION_USER,
  PRACTICE_CARD,
  REFERENCE_TYPES,
  REGISTRATION_REQUEST,
  SOCIAL_REPORT,
  WORKFLOW_EVENT,
} from './content-types';

type Action = 'create' | 'read' | 'update' | 'delete' | 'publish';
type Grant = {
  subject: string;
  actions: Action[];
  condition?: string;
  /** Fields the role may read or write; all of them when absent. */
  fields?: string[];
  /** Fields left out of "all of them". */
  except?: string[];
};
export type RoleDefinition = {
  name: string;
  description: string;
  grants: Grant[];
  /** Media library: everything, the files of the user's organisation, or nothing. */
  media: 'all' | 'organisation' | 'none';
  other?: string[];
};

export const OWN_CONTENT_TYPES = [ORGANISATION, PRACTICE_CARD, SOCIAL_REPORT, CONSORTIUM_SERVICE, ORGANISATION_USER];

const ALL: Action[] = ['create', 'read', 'update', 'delete'];
const readReference: Grant[] = REFERENCE_TYPES.map((subject) => ({ subject, actions: ['read'] }));

/** What a cooperative may change of its own anagrafica: not its status, type or tax code, nor its relations. */
const ANAGRAFICA_FIELDS = [
  'name',
  'vatNumber',
  'legacoopMember',
  'address',
  'postalCode',
  'city',
  'province',
  'latitude',
  'longitude',
  'email',
  'pec',
  'website',
  'phone',
  'foundedYear',
  'description',
  'logo',
  'responsabile',
];
/** A card's address on the portal is made from its title on the server, not by its cooperative. */
const SERVER_MADE = ['slug'];
/** Bookkeeping no one edits by hand. */
const NEVER_EDITED = ['mediaFolderId'];

const PUBLIC_ORGANISATION_FIELDS = ['name', 'slug', 'organisationType', 'city', 'province', 'logo', 'website'];

export const NETWORK_STAFF = 'Staff di rete';
export const RESPONSABILE = 'Responsabile';
export const OPERATORE = 'Operatore';
export const LETTORE = 'Lettore';
export const CURATOR = 'Curatore Think Tank';

type AdminRole = { code: string; name: string };

/** Whether an admin account holds one of these platform roles; the super admin holds them all. */
export const holdsRole = (roles: AdminRole[], ...names: string[]): boolean =>
  roles.some((role) => role.code === 'strapi-super-admin' || names.includes(role.name));

/** The admin roles of the platform, least privilege first; the code is their source of truth. */
export const ROLE_DEFINITIONS: RoleDefinition[] = [
  {
    name: NETWORK_STAFF,
    description: 'Legacoopsociali: verifica le richieste, gestisce organizzazioni, tassonomie e tutti i contenuti.',
    grants: [
      ...[...OWN_CONTENT_TYPES, ...REFERENCE_TYPES].map((subject) => ({ subject, actions: ALL })),
      { subject: PRACTICE_CARD, actions: ['publish'] },
      { subject: REGISTRATION_REQUEST, actions: ['read', 'update', 'delete'] },
      { subject: EMAIL_MESSAGE, actions: ['read'] },
      { subject: WORKFLOW_EVENT, actions: ['read'] },
      // Subscribers' addresses: staff read and delete them (deleting removes their alert e-mails too).
      { subject: ALERT_SUBSCRIPTION, actions: ['read', 'delete'] },
    ],
    media: 'all',
    other: ['admin::users.read'],
  },
  {
    name: RESPONSABILE,
    description:
      'Responsabile di una organizzazione: anagrafica, utenti, bilancio sociale e schede della propria organizzazione.',
    grants: [
      { subject: ORGANISATION, actions: ['read'], condition: CONDITIONS.ownOrganisation },
      { subject: ORGANISATION, actions: ['update'], condition: CONDITIONS.ownOrganisation, fields: ANAGRAFICA_FIELDS },
      { subject: PRACTICE_CARD, actions: ALL, condition: CONDITIONS.sameOrganisation, except: SERVER_MADE },
      { subject: SOCIAL_REPORT, actions: ALL, condition: CONDITIONS.sameOrganisation },
      { subject: CONSORTIUM_SERVICE, actions: ALL, condition: CONDITIONS.ownConsortium },
      { subject: ORGANISATION_USER, actions: ['read'], condition: CONDITIONS.sameOrganisation },
      ...readReference,
    ],
    media: 'organisation',
  },
  {
    name: OPERATORE,
    description:
      'Compila il bilancio sociale e le schede della propria organizzazione; non convalida e non gestisce utenti.',
    grants: [
      { subject: ORGANISATION, actions: ['read'], condition: CONDITIONS.ownOrganisation },
      { subject: PRACTICE_CARD, actions: ALL, condition: CONDITIONS.sameOrganisation, except: SERVER_MADE },
      { subject: SOCIAL_REPORT, actions: ['create', 'read', 'update'], condition: CONDITIONS.sameOrganisation },
      { subject: CONSORTIUM_SERVICE, actions: ALL, condition: CONDITIONS.ownConsortium },
      ...readReference,
    ],
    media: 'organisation',
  },
  {
    name: LETTORE,
    description: 'Legge i dati della propria organizzazione.',
    grants: [
      { subject: ORGANISATION, actions: ['read'], condition: CONDITIONS.ownOrganisation },
      { subject: PRACTICE_CARD, actions: ['read'], condition: CONDITIONS.sameOrganisation, except: SERVER_MADE },
      { subject: SOCIAL_REPORT, actions: ['read'], condition: CONDITIONS.sameOrganisation },
      { subject: CONSORTIUM_SERVICE, actions: ['read'], condition: CONDITIONS.ownConsortium },
      ...readReference,
    ],
    media: 'none',
  },
  {
    name: CURATOR,
    description: 'Think Tank SEnt: rivede, seleziona e pubblica le schede di tutte le organizzazioni.',
    grants: [
      { subject: PRACTICE_CARD, actions: ['read', 'update', 'publish'] },
      { subject: ORGANISATION, actions: ['read'], fields: PUBLIC_ORGANISATION_FIELDS },
      ...readReference,
    ],
    media: 'all',
  },
];

const MEDIA_ACTIONS = {
  read: 'plugin::upload.read',
  create: 'plugin::upload.assets.create',
  update: 'plugin::upload.assets.update',
  download: 'plugin::upload.assets.download',
  copyLink: 'plugin::upload.assets.copy-link',
};

type Permission = {
  action: string;
  subject?: string;
  properties: { fields?: string[] };
  conditions: string[];
};

const permissionsOf = (strapi: Core.Strapi, role: RoleDefinition): Permission[] => {
  const contentPermissions = role.grants.flatMap(({ subject, actions, condition, fields, except = [] }) =>
    actions.map((action) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject,
      properties:
        action === 'delete' || action === 'publish'
          ? {}
          : {
              fields: (fields ?? Object.keys(strapi.contentType(subject as never).attributes)).filter(
                (field) => !except.includes(field) && !NEVER_EDITED.includes(field),
              ),
            },
      conditions: condition ? [condition] : [],
    })),
  );
  const own = role.media === 'organisation' ? [CONDITIONS.ownOrganisationFiles] : [];
  const media =
    role.media === 'none'
      ? []
      : [
          { action: MEDIA_ACTIONS.read, properties: {}, conditions: own },
          { action: MEDIA_ACTIONS.create, properties: {}, conditions: [] },
          { action: MEDIA_ACTIONS.update, properties: {}, conditions: own },
          { action: MEDIA_ACTIONS.download, properties: {}, conditions: own },
          { action: MEDIA_ACTIONS.copyLink, properties: {}, conditions: own },
        ];
  const other = (role.other ?? []).map((action) => ({ action, properties: {}, conditions: [] }));
  // Expands component fields to the nested paths Strapi checks, and drops fields that do not exist.
  const contentTypes = strapi.service('admin::content-type') as unknown as {
    cleanPermissionFields: (permissions: Permission[]) => Permission[];
  };
  const cleaned = contentTypes.cleanPermissionFields(contentPermissions);
  return [...cleaned, ...media, ...other];
};

/** Creates the platform's roles if missing and gives them exactly their permissions, on every start. */
export const syncRoles = async (strapi: Core.Strapi): Promise<Map<string, number>> => {
  const roleService = strapi.service('admin::role') as unknown as {
    create: (attributes: { name: string; description: string }) => Promise<{ id: number }>;
    assignPermissions: (roleId: number, permissions: Permission[]) => Promise<unknown>;
  };
  const ids = new Map<string, number>();
  for (const definition of ROLE_DEFINITIONS) {
    const existing = (await strapi.db.query('admin::role').findOne({ where: { name: definition.name } })) as {
      id: number;
    } | null;
    const role = existing ?? (await roleService.create({ name: definition.name, description: definition.description }));
    await roleService.assignPermissions(role.id, permissionsOf(strapi, definition));
    ids.set(definition.name, role.id);
  }
  return ids;
};
