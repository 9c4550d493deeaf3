import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';

const CARDS = 'api::practice-card.practice-card';
const REQUESTS = 'api::registration-request.registration-request';
const editLink = (model: string, documentId: string): string =>
  `/content-manager/collection-types/${model}/${documentId}`;

/** Cards first where the cooperative has work to do: sent back, then drafts, then the redazione's. */
const STAGE_ORDER = ['Da rivedere', 'Bozza', 'Inviata', 'In revisione', 'Selezionata', 'Pubblicata', 'Archiviata'];

const DAY_MS = 24 * 60 * 60 * 1000;
const daysSince = (iso: string, now = Date.now()): number => Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS));
const ago = (iso: string): string => {
  const days = daysSince(iso);
  return days === 0 ? 'oggi' : days === 1 ? 'da 1 giorno' : `da ${days} giorni`;
};

/** Loads a widget's data once; `null` while loading, an Italian message if it failed. */
const useWidgetData = <T,>(path: string): { data: T | null; failed: boolean } => {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    get<T>(path)
      .then((response) => current && setData(response.data))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [get, path]);
  return { data, failed };
};

const WidgetState = ({ failed, loading, children }: { failed: boolean; loading: boolean; children: ReactNode }) => {
  if (failed) return <Typography textColor="danger600">Dati non disponibili: ricaricate la pagina.</Typography>;
  if (loading) return <Typography textColor="neutral600">Caricamento…</Typography>;
  return <>{children}</>;
};

const Row = ({ to, title, detail, tone }: { to: string; title: string; detail: string; tone?: 'danger' }) => (
  <Box tag="li" paddingBottom={2}>
    <Link to={to}>
      <Typography fontWeight="bold">{title}</Typography>
    </Link>
    <Typography variant="pi" tag="p" textColor={tone === 'danger' ? 'danger600' : 'neutral700'}>
      {detail}
    </Typography>
  </Box>
);

type CardRow = { documentId: string; title: string | null; stage: string; updatedAt: string };

/** "Le vostre schede": the organisation's cards by stage, those sent back for changes first. */
export const CardsWidget = () => {
  const { data, failed } = useWidgetData<{ results: CardRow[] }>(
    `/content-manager/collection-types/${CARDS}?page=1&pageSize=100&sort=updatedAt:DESC`,
  );
  const cards = [...(data?.results ?? [])].sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage));
  const counts = STAGE_ORDER.map(
    (stage) => [stage, cards.filter((card) => card.stage === stage).length] as const,
  ).filter(([, count]) => count > 0);
  return (
    <WidgetState failed={failed} loading={!data}>
      {cards.length === 0 ? (
        <Typography>Nessuna scheda: createne una da Contenuti › Scheda pratica innovativa.</Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="pi" data-testid="cards-by-stage">
            {counts.map(([stage, count]) => `${stage}: ${count}`).join(' · ')}
          </Typography>
          <Box tag="ul">
            {cards.slice(0, 6).map((card) => (
              <Row
                key={card.documentId}
                to={editLink(CARDS, card.documentId)}
                title={card.title ?? 'Scheda senza titolo'}
                detail={`${card.stage}${card.stage === 'Da rivedere' ? ': la redazione chiede modifiche' : ''} · aggiornata ${ago(card.updatedAt)}`}
                tone={card.stage === 'Da rivedere' ? 'danger' : undefined}
              />
            ))}
          </Box>
        </Flex>
      )}
    </WidgetState>
  );
};

type Member = {
  id: number;
  email: string;
  firstname: string | null;
  lastname: string | null;
  role: string;
  isActive: boolean;
  invitationPending: boolean;
};

/** "La squadra": who works for the organisation on the platform, and who has not set a password yet. */
export const TeamWidget = () => {
  const { data, failed } = useWidgetData<{ data: { organisation: { name: string }; team: Member[] } }>(
    '/coop/my-organisation',
  );
  const team = data?.data.team ?? [];
  return (
    <WidgetState failed={failed} loading={!data}>
      <Box tag="ul">
        {team.map((member) => (
          <Box tag="li" key={member.id} paddingBottom={1}>
            <Typography>
              {[member.firstname, member.lastname].filter(Boolean).join(' ') || member.email} · {member.role}
              {member.invitationPending ? ' · invito in attesa' : member.isActive ? '' : ' · disattivato'}
            </Typography>
          </Box>
        ))}
      </Box>
      <Link to="/my-organisation">
        <Typography variant="pi">Gestisci la squadra</Typography>
      </Link>
    </WidgetState>
  );
};

type Queue = {
  counts: Record<string, number>;
  cards: {
    documentId: string;
    title: string;
    updatedAt: string;
    organisation: { name: string } | null;
    province: { code: string } | null;
  }[];
};

/** "Da rivedere per la redazione": the queue's counts and the cards waiting longest. */
export const QueueWidget = () => {
  const { data, failed } = useWidgetData<{ data: Queue }>('/coop/workflow-queue?stage=Inviata');
  const queue = data?.data;
  return (
    <WidgetState failed={failed} loading={!queue}>
      {queue && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="pi" data-testid="queue-counts">
            {['Inviata', 'In revisione', 'Selezionata']
              .map((stage) => `${stage}: ${queue.counts[stage] ?? 0}`)
              .join(' · ')}
          </Typography>
          {queue.cards.length === 0 ? (
            <Typography>Nessuna scheda in attesa.</Typography>
          ) : (
            <Box tag="ul">
              {queue.cards.slice(0, 5).map((card) => (
                <Row
                  key={card.documentId}
                  to={editLink(CARDS, card.documentId)}
                  title={card.title}
                  detail={`${card.organisation?.name ?? ''}${card.province ? ` (${card.province.code})` : ''} · in attesa ${ago(card.updatedAt)}`}
                />
              ))}
            </Box>
          )}
          <Link to="/editorial-queue">
            <Typography variant="pi">Tutte le schede in attesa</Typography>
          </Link>
        </Flex>
      )}
    </WidgetState>
  );
};

type Request = {
  documentId: string;
  organisationName: string;
  city: string | null;
  province: string | null;
  createdAt: string;
};

/** "Richieste di credenziali": those waiting for the staff's review, oldest first. */
export const RequestsWidget = () => {
  const { data, failed } = useWidgetData<{ results: Request[]; pagination: { total: number } }>(
    `/content-manager/collection-types/${REQUESTS}?page=1&pageSize=5&sort=createdAt:ASC&filters[$and][0][requestStatus][$eq]=In%20attesa`,
  );
  return (
    <WidgetState failed={failed} loading={!data}>
      {data && data.results.length === 0 ? (
        <Typography>Nessuna richiesta in attesa.</Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="pi" data-testid="pending-requests">
            In attesa: {data?.pagination.total ?? 0}
          </Typography>
          <Box tag="ul">
            {(data?.results ?? []).map((request) => (
              <Row
                key={request.documentId}
                to={editLink(REQUESTS, request.documentId)}
                title={request.organisationName}
                detail={`${request.city ? `${request.city} · ` : ''}ricevuta ${ago(request.createdAt)}`}
                tone={daysSince(request.createdAt) > 7 ? 'danger' : undefined}
              />
            ))}
          </Box>
        </Flex>
      )}
    </WidgetState>
  );
};
