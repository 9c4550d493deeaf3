import { Box, Button, Flex, Textarea, TextInput, Typography } from '@strapi/design-system';
import { errorMessage } from './api-errors';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';

const KINDS: Record<string, string> = {
  'api::practice-card.practice-card': 'practice-card',
  'api::social-report.social-report': 'social-report',
};

type Transition = {
  to: string;
  label: string;
  requiresComment: boolean;
  requiresApprovalDate: boolean;
  requiresDeposit?: boolean;
};
type HistoryEntry = {
  fromStage: string;
  toStage: string;
  comment: string | null;
  actorName: string;
  createdAt: string;
};
type State = { stage: string; transitions: Transition[]; history: HistoryEntry[] };

const formatDate = (iso: string): string =>
  new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

/** The editorial workflow of a card or a report: its stage, the moves this user may make, its history. */
const WorkflowContent = ({ kind, documentId }: { kind: string; documentId: string }) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [state, setState] = useState<State | null>(null);
  const [comment, setComment] = useState('');
  const [approvalDate, setApprovalDate] = useState('');
  const [depositDate, setDepositDate] = useState('');
  const [depositProtocol, setDepositProtocol] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    get<{ data: State }>(`/coop/workflow/${kind}/${documentId}`).then(({ data }) => setState(data.data));
  }, [get, kind, documentId]);
  useEffect(load, [load]);

  const move = async (transition: Transition): Promise<void> => {
    setBusy(true);
    try {
      await post(`/coop/workflow/${kind}/${documentId}`, {
        to: transition.to,
        comment,
        approvalDate,
        depositDate,
        depositProtocol,
      });
      toggleNotification({ type: 'success', message: `Fatto: ${transition.label.toLowerCase()}` });
      window.location.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error, 'Passaggio non riuscito') });
      setBusy(false);
    }
  };

  if (!state) return <Typography textColor="neutral600">Caricamento…</Typography>;
  const needsDate = state.transitions.some((transition) => transition.requiresApprovalDate);
  const needsDeposit = state.transitions.some((transition) => transition.requiresDeposit);

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Typography variant="omega" fontWeight="bold">
        Stato: {state.stage}
      </Typography>
      {state.transitions.length > 0 && (
        <Textarea
          name="comment"
          aria-label="Commento"
          placeholder="Commento (obbligatorio per chiedere modifiche, riaprire o ritirare dal portale)"
          value={comment}
          onChange={(event: { target: { value: string } }) => setComment(event.target.value)}
        />
      )}
      {needsDate && (
        <TextInput
          name="approvalDate"
          type="date"
          aria-label="Data di approvazione dell’assemblea"
          placeholder="Data di approvazione (AAAA-MM-GG)"
          value={approvalDate}
          onChange={(event: { target: { value: string } }) => setApprovalDate(event.target.value)}
        />
      )}
      {needsDeposit && (
        <>
          <TextInput
            name="depositDate"
            type="date"
            aria-label="Data del deposito al Registro delle imprese"
            placeholder="Data del deposito (AAAA-MM-GG)"
            value={depositDate}
            onChange={(event: { target: { value: string } }) => setDepositDate(event.target.value)}
          />
          <TextInput
            name="depositProtocol"
            aria-label="Numero di protocollo del Registro delle imprese"
            placeholder="Protocollo (es. MI/2025/0123456)"
            value={depositProtocol}
            onChange={(event: { target: { value: string } }) => setDepositProtocol(event.target.value)}
          />
        </>
      )}
      {state.transitions.map((transition) => (
        <Button
          key={transition.to + transition.label}
          variant="secondary"
          disabled={busy}
          onClick={() => void move(transition)}
        >
          {transition.label}
        </Button>
      ))}
      {state.history.length > 0 && (
        <Box paddingTop={2}>
          <Typography variant="sigma">Cronologia</Typography>
          <ul>
            {state.history.map((entry) => (
              <li key={entry.createdAt + entry.toStage}>
                <Typography variant="pi">
                  {formatDate(entry.createdAt)} · {entry.actorName}: {entry.fromStage} → {entry.toStage}
                  {entry.comment ? ` — «${entry.comment}»` : ''}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
    </Flex>
  );
};

type PanelProps = { model: string; documentId?: string };

export const WorkflowPanel = ({ model, documentId }: PanelProps) => {
  const kind = KINDS[model];
  if (!kind || !documentId) return null;
  return { title: 'Flusso redazionale', content: <WorkflowContent kind={kind} documentId={documentId} /> };
};
