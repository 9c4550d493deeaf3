import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from './api-errors';
import { DocumentDownload } from './DocumentDownload';
import { AttestationForm } from './report/AttestationForm';
import { CompletenessBar } from './report/CompletenessBar';
import { formatDay, type Completeness } from './report/types';

const MODEL = 'api::social-report.social-report';
const APPROVED = ['Approvato', 'Depositato', 'Pubblicato'];

/** Asks before starting next year's report, and says what it will and will not copy. */
const NextYear = ({ documentId, year }: { documentId: string; year: number }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  const start = async (): Promise<void> => {
    setBusy(true);
    try {
      const { data } = await post<{ data: { documentId: string; year: number } }>(
        `/coop/social-reports/${documentId}/next-year`,
        { confirmed: true },
      );
      toggleNotification({
        type: 'success',
        message: `Creato il bilancio sociale ${data.data.year}: aggiornate i testi e inserite i dati dell’anno`,
      });
      navigate(`/content-manager/collection-types/${MODEL}/${data.data.documentId}`);
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: errorMessage(error, 'Impossibile creare il bilancio dell’anno successivo'),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant="secondary" fullWidth>
          Inizia il bilancio dell’anno successivo
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>Iniziare il bilancio sociale {year + 1}?</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography>
              Il bilancio {year + 1} parte dalla struttura e dai testi del {year}: tabelle, categorie e testi vengono
              copiati.
            </Typography>
            <Typography>
              I dati numerici non vengono copiati: quelli del {year} compaiono accanto a ogni campo come confronto. Ogni
              testo copiato resta «da aggiornare», e conta come mancante, finché non lo modificate o lo confermate.
            </Typography>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">Annulla</Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button loading={busy} onClick={() => void start()}>
              Inizia il bilancio {year + 1}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

/** The side panel of a social report: completeness, texts to update, attestation, deadline, documents. */
const CompletenessContent = ({ documentId, updatedAt }: { documentId: string; updatedAt: string | undefined }) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [completeness, setCompleteness] = useState<Completeness | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    get<{ data: Completeness }>(`/coop/social-reports/${documentId}/completeness`)
      .then(({ data }) => setCompleteness(data.data))
      .catch(() => setFailed(true));
  }, [documentId, get]);
  useEffect(load, [load, updatedAt]);

  const confirmText = async (path: string, label: string): Promise<void> => {
    try {
      const { data } = await post<{ data: Completeness }>(`/coop/social-reports/${documentId}/carried-texts/confirm`, {
        path,
      });
      setCompleteness(data.data);
      toggleNotification({ type: 'success', message: `«${label}» confermato per quest’anno` });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error, 'Conferma non riuscita') });
    }
  };

  if (failed) return <Typography textColor="danger600">Completezza non disponibile.</Typography>;
  if (!completeness) return <Typography textColor="neutral600">Calcolo della completezza…</Typography>;
  const editable = completeness.stage === 'In compilazione';

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <CompletenessBar percentage={completeness.percentage} label="Voci obbligatorie" />
      {completeness.deposit && (
        <Typography variant="pi" textColor={completeness.deposit.overdue ? 'danger600' : 'neutral800'}>
          Deposito al Registro delle imprese entro il {formatDay(completeness.deposit.deadline)}:{' '}
          {completeness.deposit.description}.
        </Typography>
      )}
      {completeness.missing.length > 0 ? (
        <Box>
          <Typography variant="pi" fontWeight="bold">
            Mancano ({completeness.missing.length})
          </Typography>
          <ul>
            {completeness.missing.map((item) => (
              <li key={item.path ?? item.label}>
                <Typography variant="pi">
                  {item.section}. {item.label}
                  {item.toUpdate && !item.path ? ' (testo da aggiornare)' : ''}
                </Typography>
              </li>
            ))}
          </ul>
          <Typography variant="pi" textColor="neutral600">
            Per una voce che non si può compilare, indicarne il motivo in “Voci omesse e motivazioni”.
          </Typography>
        </Box>
      ) : (
        <Typography variant="pi" textColor="success600">
          Tutte le voci obbligatorie sono compilate o motivate.
        </Typography>
      )}
      {completeness.toUpdate.length > 0 && (
        <Box tag="section" aria-labelledby="coop-to-update">
          <Typography id="coop-to-update" variant="pi" fontWeight="bold">
            Da aggiornare ({completeness.toUpdate.length})
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            Testi copiati dall’anno precedente: modificateli, oppure confermate che valgono anche quest’anno.
          </Typography>
          <ul>
            {completeness.toUpdate.map((text) => (
              <li key={text.path}>
                <Flex justifyContent="space-between" gap={2}>
                  <Typography variant="pi">
                    {text.section}. {text.label}
                  </Typography>
                  {editable && (
                    <Button
                      variant="tertiary"
                      size="S"
                      aria-label={`Conferma «${text.label}» anche per quest’anno`}
                      onClick={() => void confirmText(text.path, text.label)}
                    >
                      Confermo
                    </Button>
                  )}
                </Flex>
              </li>
            ))}
          </ul>
        </Box>
      )}
      {completeness.consortium && (
        <Typography variant="pi">
          Associate: {completeness.consortium.members.length}, di cui{' '}
          {completeness.consortium.members.filter((member) => member.hasReport).length} con il bilancio dello stesso
          anno ({completeness.consortium.workers} lavoratori, {completeness.consortium.volunteers} volontari).
        </Typography>
      )}
      {completeness.warnings.map((warning) => (
        <Typography key={warning} variant="pi" textColor="warning600">
          {warning}
        </Typography>
      ))}
      <AttestationForm
        documentId={documentId}
        stage={completeness.stage}
        attestation={completeness.attestation}
        onSaved={load}
      />
      <DocumentDownload
        path={`/coop/social-reports/${documentId}/document`}
        title="Scarica il bilancio sociale"
        hint={
          APPROVED.includes(completeness.stage)
            ? 'Il PDF/A è il documento da depositare, con la data di approvazione.'
            : 'Fino all’approvazione dell’assemblea ogni pagina porta la scritta «BOZZA — non valida per il deposito».'
        }
      />
      <NextYear documentId={documentId} year={completeness.year} />
    </Flex>
  );
};

type PanelProps = { model: string; documentId?: string; document?: { updatedAt?: string } };

export const SocialReportCompletenessPanel = ({ model, documentId, document }: PanelProps) => {
  if (model !== MODEL || !documentId) return null;
  return {
    title: 'Completezza (linee guida)',
    content: <CompletenessContent documentId={documentId} updatedAt={document?.updatedAt} />,
  };
};
