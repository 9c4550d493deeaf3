import {
  Badge,
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { DocumentDownload } from './DocumentDownload';

type Option = { documentId: string; name: string };
type Card = {
  documentId: string;
  title: string;
  updatedAt: string;
  /** When the card entered its stage. */
  since: string;
  organisation: { name: string } | null;
  innovationArea: { name: string } | null;
  province: { code: string; region: { name: string } | null } | null;
};
type Queue = { stage: string; counts: Record<string, number>; cards: Card[] };
type Filters = { area: string; region: string; organisation: string; stage: string };

const FILTERS: { key: keyof Omit<Filters, 'stage'>; label: string; model: string }[] = [
  { key: 'area', label: 'Ambito', model: 'api::innovation-area.innovation-area' },
  { key: 'region', label: 'Regione', model: 'api::region.region' },
  { key: 'organisation', label: 'Organizzazione', model: 'api::organisation.organisation' },
];

/** "Coda redazionale": the Think Tank's cards of every organisation, by stage, with counts. */
const formatDay = (iso: string): string =>
  new Intl.DateTimeFormat('it-IT', { dateStyle: 'short' }).format(new Date(iso));
const waitingDays = (iso: string): string => {
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / (24 * 60 * 60 * 1000)));
  return days === 0 ? 'oggi' : days === 1 ? 'da 1 giorno' : `da ${days} giorni`;
};

const EditorialQueuePage = () => {
  const { get } = useFetchClient();
  const [filters, setFilters] = useState<Filters>({ area: '', region: '', organisation: '', stage: 'Inviata' });
  const [options, setOptions] = useState<Record<string, Option[]>>({});
  const [queue, setQueue] = useState<Queue | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [oldestFirst, setOldestFirst] = useState(true);

  useEffect(() => {
    for (const { key, model } of FILTERS) {
      get<{ results: Option[] }>(`/content-manager/collection-types/${model}?page=1&pageSize=100&sort=name:ASC`)
        .then(({ data }) => setOptions((current) => ({ ...current, [key]: data.results })))
        .catch(() => undefined);
    }
  }, [get]);

  useEffect(() => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== '')).toString();
    get<{ data: Queue }>(`/coop/workflow-queue?${query}`)
      .then(({ data }) => setQueue(data.data))
      .catch(() => setFailure('La coda redazionale è riservata alla redazione del Think Tank e allo staff di rete.'));
  }, [get, filters]);

  return (
    <Page.Main>
      <Layouts.Header title="Coda redazionale" subtitle="Le schede di tutte le organizzazioni, per stato" />
      <Layouts.Content>
        {failure ? (
          <Typography>{failure}</Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Box maxWidth="420px">
              <DocumentDownload
                path="/coop/practice-catalogue"
                title="Catalogo delle pratiche pubblicate, per ambito di innovazione"
              />
            </Box>
            <Flex gap={4} wrap="wrap">
              {FILTERS.map(({ key, label }) => (
                <Box key={key} minWidth="220px">
                  <SingleSelect
                    aria-label={label}
                    placeholder={`${label}: tutte`}
                    value={filters[key]}
                    onClear={() => setFilters({ ...filters, [key]: '' })}
                    onChange={(value: string | number) => setFilters({ ...filters, [key]: String(value) })}
                  >
                    {(options[key] ?? []).map((option) => (
                      <SingleSelectOption key={option.documentId} value={option.documentId}>
                        {option.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Box>
              ))}
            </Flex>
            <Flex gap={2} wrap="wrap">
              {Object.entries(queue?.counts ?? {}).map(([stage, count]) => (
                <Button
                  key={stage}
                  variant={queue?.stage === stage ? 'default' : 'tertiary'}
                  onClick={() => setFilters({ ...filters, stage })}
                >
                  {stage} <Badge>{count}</Badge>
                </Button>
              ))}
            </Flex>
            <Table colCount={5} rowCount={(queue?.cards.length ?? 0) + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">Scheda</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Organizzazione</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Ambito</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Provincia</Typography>
                  </Th>
                  <Th>
                    <Button
                      variant="ghost"
                      size="S"
                      onClick={() => setOldestFirst(!oldestFirst)}
                      aria-label={`Nello stato dal: ordina ${oldestFirst ? 'dalla più recente' : 'dalla più vecchia'}`}
                    >
                      <Typography variant="sigma">Nello stato dal {oldestFirst ? '↑' : '↓'}</Typography>
                    </Button>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {(oldestFirst ? (queue?.cards ?? []) : [...(queue?.cards ?? [])].reverse()).map((card) => (
                  <Tr key={card.documentId}>
                    <Td>
                      <Link
                        to={`/content-manager/collection-types/api::practice-card.practice-card/${card.documentId}`}
                      >
                        <Typography textColor="primary600">{card.title}</Typography>
                      </Link>
                    </Td>
                    <Td>
                      <Typography>{card.organisation?.name}</Typography>
                    </Td>
                    <Td>
                      <Typography>{card.innovationArea?.name}</Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {card.province ? `${card.province.code} · ${card.province.region?.name ?? ''}` : ''}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {formatDay(card.since)} · {waitingDays(card.since)}
                      </Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {queue && queue.cards.length === 0 && <Typography>Nessuna scheda in questo stato.</Typography>}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default EditorialQueuePage;
