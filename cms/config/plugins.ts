import type { Core } from '@strapi/strapi';
import { ACCEPTED_UPLOADS } from '../src/domain/media-rules';
import { cmsSettings, type CmsSettings } from '../src/settings';

const uploadConfig = ({ upload }: CmsSettings) => {
  const sizeLimit = upload.maxBytes;
  // Strapi's own check by content, behind the platform's (which answers in Italian).
  const security = { allowedTypes: [...ACCEPTED_UPLOADS] };

  if (upload.provider !== 'aws-s3') {
    return { config: { sizeLimit, security } };
  }

  const { s3 } = upload;
  return {
    config: {
      sizeLimit,
      security,
      provider: 'aws-s3',
      providerOptions: {
        baseUrl: s3.publicUrl ?? undefined,
        s3Options: {
          endpoint: s3.endpoint ?? undefined,
          region: s3.region,
          forcePathStyle: s3.forcePathStyle,
          credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
          params: { Bucket: s3.bucket },
        },
      },
    },
  };
};

const emailConfig = ({ email }: CmsSettings) => ({
  config: {
    provider: 'nodemailer',
    providerOptions: {
      host: email.host,
      port: email.port,
      secure: email.secure,
      ...(email.auth ? { auth: email.auth } : {}),
    },
    settings: { defaultFrom: email.from, defaultReplyTo: email.replyTo },
  },
});

const config = (): Core.Config.Plugin => {
  const settings = cmsSettings();
  return {
    upload: uploadConfig(settings),
    email: emailConfig(settings),
    'users-permissions': {
      config: {
        jwtSecret: settings.secrets.jwt,
        jwt: { expiresIn: '7d' },
      },
    },
  };
};

export default config;
