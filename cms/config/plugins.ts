import type { Core } from '@strapi/strapi';
import { ACCEPTED_UPLOADS } from '../src/domain/media-rules';

type Env = Core.Config.Shared.ConfigParams['env'];

const uploadConfig = (env: Env) => {
  const sizeLimit = env.int('UPLOAD_MAX_BYTES', 10 * 1024 * 1024);
  // Strapi's own check by content, behind the platform's (which answers in Italian).
  const security = { allowedTypes: [...ACCEPTED_UPLOADS] };

  if (env('UPLOAD_PROVIDER', 'local') !== 'aws-s3') {
    return { config: { sizeLimit, security } };
  }

  return {
    config: {
      sizeLimit,
      security,
      provider: 'aws-s3',
      providerOptions: {
        baseUrl: env('S3_PUBLIC_URL', '') || undefined,
        s3Options: {
          endpoint: env('S3_ENDPOINT', '') || undefined,
          region: env('S3_REGION', 'eu-south-1'),
          forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', true),
          credentials: {
            accessKeyId: env('S3_ACCESS_KEY_ID', ''),
            secretAccessKey: env('S3_SECRET_ACCESS_KEY', ''),
          },
          params: {
            Bucket: env('S3_BUCKET', ''),
          },
        },
      },
    },
  };
};

const emailConfig = (env: Env) => {
  const username = env('SMTP_USERNAME', '');

  return {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 1025),
        secure: env.bool('SMTP_SECURE', false),
        ...(username ? { auth: { user: username, pass: env('SMTP_PASSWORD', '') } } : {}),
      },
      settings: {
        defaultFrom: env('MAIL_FROM', 'Piattaforma Cooperative Sociali <noreply@piattaforma.local>'),
        defaultReplyTo: env('MAIL_REPLY_TO', 'segreteria@piattaforma.local'),
      },
    },
  };
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  upload: uploadConfig(env),
  email: emailConfig(env),
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET', ''),
      jwt: { expiresIn: '7d' },
    },
  },
});

export default config;
