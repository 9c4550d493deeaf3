import { Box, Button, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorMessage } from './api-errors';
import { DocumentDownload } from './DocumentDownload';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';

const MODEL = 'api::social-report.social-report';

type Item = { label: string; section: number; sectionTitle: string };
type Completeness = {
  percentage: number;
  missing: Item[];
  omitted: (Item & { reason: string })[];
  warnings: string[];
  consortium: { members: { name: string; hasReport: boolean }[]; workers: number; volunteers: number } | null;
};

/** The side panel of a social report: completeness against the guidelines, and next year's report. */
const CompletenessContent = ({ documentId, updatedAt }: { documentId: string; updatedAt: string | undefined }) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const [completeness, setCompleteness] = useState<Completeness | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    get<{ data: Completeness }>(`/coop/social-reports/${documentId}/completeness`)
      .then(({ data }) => setCompleteness(data.data))
      .catch(() => setFailed(true));
  }, [documentId, updatedAt, get]);

  const startNextYear = async (): Promise<void> => {
    try {
      const { data } = await post<{ data: { documentId: string; year: number } }>(
        `/coop/social-reports/${documentId}/next-year`,
      );
      toggleNotification({
        type: 'success',
        message: `Creato il bilancio sociale ${data.data.year} dai dati di quest'anno`,
      });
      navigate(`/content-manager/collection-types/${MODEL}/${data.data.documentId}`);
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: errorMessage(error, 'Impossibile creare il bilancio dell’anno successivo'),
      });
    }
  };

  if (failed) return <Typography textColor="danger600">Completezza non disponibile.</Typography>;
  if (!completeness) return <Typography textColor="neutral600">Calcolo della completezza…</Typography>;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Box>
        <Typography variant="omega" fontWeight="bold">
          Voci obbligatorie: {completeness.percentage}%
        </Typography>
        <ProgressBar value={completeness.percentage} size="M" />
      </Box>
      {completeness.missing.length > 0 ? (
        <Box>
          <Typography variant="pi" fontWeight="bold">
            Mancano ({completeness.missing.length})
          </Typography>
          <ul>
            {completeness.missing.map((item) => (
              <li key={item.label}>
                <Typography variant="pi">
                  {item.section}. {item.label}
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
      <DocumentDownload path={`/coop/social-reports/${documentId}/document`} title="Scarica il bilancio sociale" />
      <Button variant="secondary" onClick={() => void startNextYear()}>
        Inizia il bilancio dell’anno successivo
      </Button>
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
