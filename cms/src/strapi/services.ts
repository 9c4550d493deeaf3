import type { Core } from '@strapi/strapi';

// Strapi types every plugin and admin service as `any` (`Core.Service`): these accessors give the
// few methods the platform calls the shape they have in Strapi 5's source, in one place.

/** The content manager's permission checker for one admin user and one model. */
export type PermissionChecker = {
  cannot: Record<'read' | 'create' | 'update', (entity?: unknown) => boolean>;
};

type PermissionCheckerService = {
  create(options: { userAbility: unknown; model: string }): PermissionChecker;
};

export const permissionChecker = (strapi: Core.Strapi, userAbility: unknown, model: string): PermissionChecker =>
  strapi.plugin('content-manager').service<PermissionCheckerService>('permission-checker').create({
    userAbility,
    model,
  });

type UidService = {
  generateUIDField(options: {
    contentTypeUID: string;
    field: string;
    data: Record<string, unknown>;
    locale?: string | null;
  }): Promise<string>;
};

export const uidService = (strapi: Core.Strapi): UidService =>
  strapi.plugin('content-manager').service<UidService>('uid');

/** Stored media file, as the upload plugin returns it. */
export type UploadedMedia = { id: number; [key: string]: unknown };

type UploadService = {
  upload(
    input: { data: Record<string, unknown>; files: unknown },
    options?: Record<string, unknown>,
  ): Promise<UploadedMedia[]>;
  remove(file: unknown): Promise<unknown>;
};

export const uploadService = (strapi: Core.Strapi): UploadService =>
  strapi.plugin('upload').service<UploadService>('upload');

type FolderService = { create(data: { name: string; parent: number | null }): Promise<unknown> };

export const folderService = (strapi: Core.Strapi): FolderService =>
  strapi.plugin('upload').service<FolderService>('folder');

type EmailService = { send(options: Record<string, unknown>): Promise<unknown> };

export const emailService = (strapi: Core.Strapi): EmailService =>
  strapi.plugin('email').service<EmailService>('email');

type AdminUserService = {
  exists(): Promise<boolean>;
  create(attributes: Record<string, unknown>): Promise<unknown>;
  createFirstAdmin(attributes: Record<string, unknown>): Promise<unknown>;
  updateById(id: number, attributes: Record<string, unknown>): Promise<unknown>;
};

export const adminUserService = (strapi: Core.Strapi): AdminUserService =>
  strapi.service('admin::user') as AdminUserService;

/** What a database transaction's callback receives: `onCommit` runs work once it has committed. */
export type TransactionHooks = { onCommit: (callback: () => unknown) => void };
