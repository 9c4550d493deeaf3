import { Alert, Button, Dialog, Flex, Textarea, Typography } from '@strapi/design-system';
import { errorMessage } from './api-errors';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

const MODEL = 'api::registration-request.registration-request';

type Review = { documentId: string; status: string | undefined };
type Duplicate = { kind: string; name: string; matches: string };

/** Organisations, requests and accounts with the same tax code or e-mail: shown before approving. */
const Duplicates = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const [found, setFound] = useState<Duplicate[] | null>(null);
  useEffect(() => {
    get<{ data: Duplicate[] }>(`/coop/registration-requests/${documentId}/duplicates`)
      .then(({ data }) => setFound(data.data))
      .catch(() => setFound(null));
  }, [get, documentId]);
  if (!found) return null;
  if (found.length === 0) {
    return (
      <Typography variant="pi">
        Nessuna organizzazione, richiesta o account con lo stesso codice fiscale o e-mail.
      </Typography>
    );
  }
  return (
    <Alert variant="warning" closeLabel="Chiudi" title="Possibili doppioni" role="status">
      {found.map((duplicate) => (
        <Typography tag="p" key={`${duplicate.kind}${duplicate.name}`}>
          {duplicate.kind}: {duplicate.name} — stesso {duplicate.matches}
        </Typography>
      ))}
    </Alert>
  );
};

/** Approve or reject a registration request; the platform does the rest and e-mails the applicant. */
const ReviewContent = ({ documentId, status }: Review) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  if (status && status !== 'In attesa') {
    return <Typography variant="pi">Richiesta {status.toLowerCase()}.</Typography>;
  }

  const act = async (action: 'approve' | 'reject'): Promise<void> => {
    setBusy(true);
    try {
      await post(`/coop/registration-requests/${documentId}/${action}`, action === 'reject' ? { reason } : {});
      toggleNotification({
        type: 'success',
        message:
          action === 'approve'
            ? 'Richiesta approvata: organizzazione e account creati, credenziali inviate al Responsabile'
            : 'Richiesta respinta: il motivo è stato inviato al Responsabile',
      });
      window.location.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error, 'Operazione non riuscita') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Duplicates documentId={documentId} />
      <Dialog.Root>
        <Dialog.Trigger>
          <Button disabled={busy}>Approva e invia le credenziali</Button>
        </Dialog.Trigger>
        <Dialog.Content>
          <Dialog.Header>Approvare la richiesta?</Dialog.Header>
          <Dialog.Body>
            <Typography>
              Si creano l’organizzazione e l’account del Responsabile, che riceve per e-mail il collegamento per
              impostare la password. Controllate prima che l’organizzazione non sia già registrata.
            </Typography>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">Annulla</Button>
            </Dialog.Cancel>
            <Dialog.Action>
              <Button onClick={() => void act('approve')}>Approva</Button>
            </Dialog.Action>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
      <Textarea
        name="reason"
        aria-label="Motivo del rifiuto"
        placeholder="Motivo del rifiuto (arriva al Responsabile)"
        value={reason}
        onChange={(event: { target: { value: string } }) => setReason(event.target.value)}
      />
      <Button variant="danger-light" onClick={() => void act('reject')} disabled={busy || reason.trim() === ''}>
        Respingi
      </Button>
    </Flex>
  );
};

type PanelProps = { model: string; documentId?: string; document?: { requestStatus?: string } };

export const RegistrationReviewPanel = ({ model, documentId, document }: PanelProps) => {
  if (model !== MODEL || !documentId) return null;
  return { title: 'Verifica', content: <ReviewContent documentId={documentId} status={document?.requestStatus} /> };
};
