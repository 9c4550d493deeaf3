import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isValidEmail } from '../domain/contact-formats';
import type { FieldError } from '../domain/field-error';
import { isBlank } from '../domain/text-length';
import { refuseIfAny } from '../documents/validation-error';
import { enqueueEmail } from '../email/outbox';
import { accountInvitation } from '../email/templates';
import { membershipOf, ORGANISATION_USER_UID, type Membership, type OrganisationRole } from './organisation-user';
import { displayName, registrationLink } from './admin-accounts';
import { invitationValidDays } from './invitations';
import { adminUserService } from '../strapi/services';

/** The roles a Responsabile may give: never its own, never the network's. */
export const ASSIGNABLE_ROLES: OrganisationRole[] = ['Operatore', 'Lettore'];

type AdminUser = { id: number; email: string; firstname: string | null; lastname: string | null };
type TeamMember = {
  id: number;
  email: string;
  firstname: string | null;
  lastname: string | null;
  role: OrganisationRole;
  isActive: boolean;
  invitationPending: boolean;
};

export const requireMembership = async (strapi: Core.Strapi, user: AdminUser): Promise<Membership> => {
  const membership = await membershipOf(strapi, user.id);
  if (!membership) throw new errors.PolicyError('Questo account non appartiene a un’organizzazione');
  return membership;
};

export const requireResponsabile = async (strapi: Core.Strapi, user: AdminUser): Promise<Membership> => {
  const membership = await requireMembership(strapi, user);
  if (membership.role !== 'Responsabile') {
    throw new errors.PolicyError('Solo il Responsabile gestisce gli utenti e l’anagrafica dell’organizzazione');
  }
  return membership;
};

export const organisationOverview = async (strapi: Core.Strapi, membership: Membership) => {
  const organisation = await strapi.documents('api::organisation.organisation').findOne({
    documentId: membership.organisation,
    fields: ['documentId', 'name', 'anagraficaConfirmedAt'],
  } as never);
  const rows = (await strapi.db.query(ORGANISATION_USER_UID).findMany({
    where: { organisation: { documentId: membership.organisation } },
    populate: { adminUser: { select: ['id', 'email', 'firstname', 'lastname', 'isActive', 'registrationToken'] } },
  })) as {
    role: OrganisationRole;
    adminUser: (AdminUser & { isActive: boolean; registrationToken: string | null }) | null;
  }[];
  const team: TeamMember[] = rows
    .filter((row) => row.adminUser)
    .map(({ role, adminUser }) => ({
      id: adminUser!.id,
      email: adminUser!.email,
      firstname: adminUser!.firstname,
      lastname: adminUser!.lastname,
      role,
      isActive: adminUser!.isActive,
      invitationPending: Boolean(adminUser!.registrationToken),
    }));
  return { organisation, role: membership.role, team };
};

export const confirmAnagrafica = async (strapi: Core.Strapi, membership: Membership): Promise<string> => {
  const confirmedAt = new Date().toISOString();
  await strapi.documents('api::organisation.organisation').update({
    documentId: membership.organisation,
    data: { anagraficaConfirmedAt: confirmedAt },
  } as never);
  return confirmedAt;
};

type NewMember = { email?: unknown; firstname?: unknown; lastname?: unknown; role?: unknown };

/** A new Operatore or Lettore of the Responsabile's organisation, invited by e-mail. */
export const inviteMember = async (
  strapi: Core.Strapi,
  membership: Membership,
  inviter: AdminUser,
  input: NewMember,
): Promise<TeamMember> => {
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
  const firstname = typeof input.firstname === 'string' ? input.firstname.trim() : '';
  const lastname = typeof input.lastname === 'string' ? input.lastname.trim() : '';
  const fieldErrors: FieldError[] = [];
  if (!isValidEmail(email)) fieldErrors.push({ path: ['email'], message: 'E-mail: indirizzo non valido' });
  if (isBlank(firstname)) fieldErrors.push({ path: ['firstname'], message: 'Nome: campo obbligatorio' });
  if (!ASSIGNABLE_ROLES.includes(input.role as OrganisationRole)) {
    fieldErrors.push({ path: ['role'], message: 'Ruolo: scegliere Operatore o Lettore' });
  }
  if (email && (await strapi.db.query('admin::user').findOne({ where: { email } }))) {
    fieldErrors.push({ path: ['email'], message: `E-mail: esiste già un account ${email}` });
  }
  refuseIfAny(fieldErrors);

  const role = input.role as OrganisationRole;
  const adminRole = (await strapi.db.query('admin::role').findOne({ where: { name: role } })) as { id: number };
  const user = await strapi.db.transaction(async () => {
    const created = (await adminUserService(strapi).create({
      email,
      firstname,
      lastname,
      roles: [adminRole.id],
      preferedLanguage: 'it',
    })) as AdminUser & { registrationToken: string };
    await strapi.documents(ORGANISATION_USER_UID).create({
      data: { adminUser: created.id, organisation: membership.organisation, role },
    } as never);
    return created;
  });

  const organisation = (await strapi.documents('api::organisation.organisation').findOne({
    documentId: membership.organisation,
    fields: ['name'],
  } as never)) as { name: string } | null;
  const link = registrationLink(strapi, user.registrationToken);
  await enqueueEmail(
    strapi,
    accountInvitation(
      email,
      firstname,
      organisation?.name ?? '',
      role,
      displayName(inviter),
      link,
      invitationValidDays(strapi),
    ),
  );
  return { id: user.id, email, firstname, lastname, role, isActive: false, invitationPending: true };
};

/** Enables or disables an Operatore or Lettore of the Responsabile's own organisation. */
export const setMemberActive = async (
  strapi: Core.Strapi,
  membership: Membership,
  userId: number,
  isActive: unknown,
): Promise<void> => {
  if (typeof isActive !== 'boolean') {
    throw new errors.ValidationError('Stato: indicare se l’account è attivo (true) o disattivato (false)');
  }
  const target = await membershipOf(strapi, userId);
  if (!target || target.organisation !== membership.organisation) {
    throw new errors.NotFoundError('Utente non trovato nella vostra organizzazione');
  }
  if (!ASSIGNABLE_ROLES.includes(target.role)) {
    throw new errors.PolicyError('Il Responsabile può attivare o disattivare solo Operatori e Lettori');
  }
  await adminUserService(strapi).updateById(userId, { isActive });
};
