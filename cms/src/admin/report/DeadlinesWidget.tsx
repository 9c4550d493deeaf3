import { Box, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDay } from './types';

type Deadline = {
  documentId: string;
  title: string | null;
  year: number;
  stage: string;
  organisation: string | null;
  deadline: string;
  daysLeft: number;
  overdue: boolean;
  description: string;
};

const MODEL = 'api::social-report.social-report';

/** Home page widget: every social report not yet deposited, its deadline (30 June) and the days left. */
export const DeadlinesWidget = () => {
  const { get } = useFetchClient();
  const [rows, setRows] = useState<Deadline[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    get<{ data: Deadline[] }>('/coop/social-report-deadlines')
      .then(({ data }) => setRows(data.data))
      .catch(() => setFailed(true));
  }, [get]);

  if (failed) return <Typography textColor="danger600">Scadenze non disponibili.</Typography>;
  if (!rows) return <Typography textColor="neutral600">Caricamento…</Typography>;
  if (rows.length === 0) return <Typography>Nessun bilancio sociale in attesa di deposito.</Typography>;
  return (
    <Box tag="ul" data-testid="deposit-deadlines">
      {rows.map((row) => (
        <Box tag="li" key={row.documentId} paddingBottom={2}>
          <Link to={`/content-manager/collection-types/${MODEL}/${row.documentId}`}>
            <Typography fontWeight="bold">{row.title ?? `Bilancio sociale ${row.year}`}</Typography>
          </Link>
          <Typography variant="pi" tag="p" textColor={row.overdue ? 'danger600' : 'neutral800'}>
            {row.stage} · deposito entro il {formatDay(row.deadline)}: {row.description}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
