import { Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';

const FORMATS = [
  { format: 'pdf', label: 'PDF/A' },
  { format: 'odt', label: 'ODT' },
  { format: 'docx', label: 'DOCX' },
] as const;

const fileNameOf = (headers: Headers | undefined, fallback: string): string =>
  /filename="([^"]+)"/.exec(headers?.get('content-disposition') ?? '')?.[1] ?? fallback;

/** Why the server refused a document, from its JSON error. */
const refusalOf = async (blob: Blob): Promise<string> => {
  try {
    const { error } = JSON.parse(await blob.text()) as { error?: { message?: string } };
    return error?.message ?? 'Documento non disponibile';
  } catch {
    return 'Documento non disponibile';
  }
};

/** Buttons that generate a document on the server and save it: PDF (PDF/A), ODT or DOCX. */
export const DocumentDownload = ({ path, title, hint }: { path: string; title: string; hint?: string }) => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState<string | null>(null);

  const download = async (format: string): Promise<void> => {
    setBusy(format);
    try {
      const response = await get<Blob>(`${path}?format=${format}`, {
        responseType: 'blob',
        validateStatus: () => true,
      } as never);
      const { data, status, headers } = response as unknown as { data: Blob; status: number; headers?: Headers };
      if (status !== 200) {
        toggleNotification({ type: 'danger', message: await refusalOf(data) });
        return;
      }
      const link = document.createElement('a');
      link.href = URL.createObjectURL(data);
      link.download = fileNameOf(headers, `documento.${format}`);
      link.click();
      URL.revokeObjectURL(link.href);
    } catch {
      toggleNotification({ type: 'danger', message: 'Generazione non riuscita: riprovare tra poco' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi" fontWeight="bold">
        {title}
      </Typography>
      {hint && (
        <Typography variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      )}
      <Flex gap={2}>
        {FORMATS.map(({ format, label }) => (
          <Button
            key={format}
            variant="tertiary"
            size="S"
            loading={busy === format}
            disabled={busy !== null}
            onClick={() => void download(format)}
          >
            {label}
          </Button>
        ))}
      </Flex>
    </Flex>
  );
};
