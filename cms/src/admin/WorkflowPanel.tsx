import { Alert, Box, Button, Dialog, Flex, Textarea, TextInput, Typography } from '@strapi/design-system';
import { errorMessage } from './api-errors';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useSaveFirst } from './workflow/save-first';

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
  /** Asked before the move: it shows something to the public or takes it away. */
  confirm: string | null;
};
type HistoryEntry = {
  fromStage: string;
  toStage: string;
  comment: string | null;
  actorName: string;
  createdAt: string;
};
type State = {
  stage: string;
  /** Why this user cannot change the document now; null if they can. */
  readOnly: string | null;
  changesRequested: { comment: string | null; actorName: string; createdAt: string } | null;
  transitions: Transition[];
  history: HistoryEntry[];
};

/** What a move waits on: unsaved changes to save or a confirmation to give. */
type Pending = { transition: Transition; unsaved: boolean };

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
  const [pending, setPending] = useState<Pending | null>(null);
  const form = useSaveFirst();

  const load = useCallback(() => {
    void get<{ data: State }>(`/coop/workflow/${kind}/${documentId}`).then(({ data }) => setState(data.data));
  }, [get, kind, documentId]);
  useEffect(load, [load]);

  const move = async (transition: Transition, unsaved: boolean): Promise<void> => {
    setPending(null);
    setBusy(true);
    if (unsaved && !(await form.saveFirst())) {
      toggleNotification({
        type: 'warning',
        message: `Le modifiche non sono state salvate, quindi «${transition.label}» non è stato fatto: correggete i campi segnalati e riprovate.`,
      });
      setBusy(false);
      return;
    }
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

  /** A move with unsaved changes or a public effect asks first; any other goes at once. */
  const ask = (transition: Transition): void => {
    const unsaved = form.modified();
    if (unsaved || transition.confirm) setPending({ transition, unsaved });
    else void move(transition, false);
  };

  if (!state) return <Typography textColor="neutral600">Caricamento…</Typography>;
  const needsDate = state.transitions.some((transition) => transition.requiresApprovalDate);
  const needsDeposit = state.transitions.some((transition) => transition.requiresDeposit);

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {state.changesRequested && (
        <Alert variant="warning" closeLabel="Chiudi" title="La redazione chiede modifiche" role="status">
          {state.changesRequested.comment ?? 'Nessun commento.'} ({state.changesRequested.actorName},{' '}
          {formatDate(state.changesRequested.createdAt)})
        </Alert>
      )}
      {state.readOnly && (
        <Alert variant="default" closeLabel="Chiudi" title="Sola lettura" role="status">
          {state.readOnly}
        </Alert>
      )}
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
          onClick={() => ask(transition)}
        >
          {transition.label}
        </Button>
      ))}
      <Dialog.Root open={pending !== null} onOpenChange={(open: boolean) => (open ? undefined : setPending(null))}>
        {pending && (
          <Dialog.Content>
            <Dialog.Header>{pending.transition.label}?</Dialog.Header>
            <Dialog.Body>
              <Flex direction="column" alignItems="stretch" gap={2}>
                {pending.unsaved && (
                  <Typography>
                    Ci sono modifiche non salvate: vengono salvate prima, e se il salvataggio non riesce il passaggio
                    non si fa.
                  </Typography>
                )}
                {pending.transition.confirm && <Typography>{pending.transition.confirm}</Typography>}
                {pending.transition.requiresComment && (
                  <Typography>
                    {comment.trim() ? `Motivo: «${comment.trim()}»` : 'Scrivete prima il motivo nel commento.'}
                  </Typography>
                )}
              </Flex>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button variant="tertiary">Annulla</Button>
              </Dialog.Cancel>
              <Dialog.Action>
                <Button
                  disabled={pending.transition.requiresComment && !comment.trim()}
                  onClick={() => void move(pending.transition, pending.unsaved)}
                >
                  {pending.unsaved ? `Salva e ${pending.transition.label.toLowerCase()}` : pending.transition.label}
                </Button>
              </Dialog.Action>
            </Dialog.Footer>
          </Dialog.Content>
        )}
      </Dialog.Root>
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
