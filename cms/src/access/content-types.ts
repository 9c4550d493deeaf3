/** The platform's content types, by the name the code uses for them. */
export const ORGANISATION = 'api::organisation.organisation';
export const PRACTICE_CARD = 'api::practice-card.practice-card';
export const SOCIAL_REPORT = 'api::social-report.social-report';
export const CONSORTIUM_SERVICE = 'api::consortium-service.consortium-service';
export const ORGANISATION_USER = 'api::organisation-user.organisation-user';
export const REGISTRATION_REQUEST = 'api::registration-request.registration-request';
export const EMAIL_MESSAGE = 'api::email-message.email-message';
export const WORKFLOW_EVENT = 'api::workflow-event.workflow-event';
export const SEARCH_SYNC_TASK = 'api::search-sync-task.search-sync-task';

export const REGION = 'api::region.region';
export const PROVINCE = 'api::province.province';
export const INNOVATION_AREA = 'api::innovation-area.innovation-area';
export const PARTNER_CATEGORY = 'api::partner-category.partner-category';
export const FUNDING_SOURCE = 'api::funding-source.funding-source';
export const SERVICE_AREA = 'api::service-area.service-area';

/** Geography and taxonomies: reference data everyone reads and only network staff edit. */
export const REFERENCE_TYPES = [REGION, PROVINCE, INNOVATION_AREA, PARTNER_CATEGORY, FUNDING_SOURCE, SERVICE_AREA];
export const ALERT_SUBSCRIPTION = 'api::alert-subscription.alert-subscription';
