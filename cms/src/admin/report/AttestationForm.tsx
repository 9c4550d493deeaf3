import { Box, Button, Checkbox, Field, Flex, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { errorMessage } from '../api-errors';
import { formatDay, type Attestation } from './types';

const OPEN_STAGES = ['In compilazione', 'Confermato'];

const Recorded = ({ attestation }: { attestation: NonNullable<Attestation> }) =>
  attestation.noControlBody ? (
    <Typography variant="pi">
      Registrato che l’organizzazione non ha un organo di controllo. Motivo: {attestation.noControlBodyReason}
    </Typography>
  ) : (
    <Typography variant="pi">
      Attestazione di {attestation.bodyName} del {attestation.date ? formatDay(attestation.date) : '—'}
      {attestation.file && (
        <>
          {' '}
          (
          <a href={attestation.file.url} target="_blank" rel="noopener noreferrer">
            {attestation.file.name}
          </a>
          )
        </>
      )}
      .
    </Typography>
  );

/**
 * Section 8's attestation of conformity by the organo di controllo, attached by the Responsabile
 * before the assembly approves the report; or the record that there is none where the law allows it.
 */
export const AttestationForm = ({
  documentId,
  stage,
  attestation,
  onSaved,
}: {
  documentId: string;
  stage: string;
  attestation: Attestation;
  onSaved: () => void;
}) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [noControlBody, setNoControlBody] = useState(false);
  const [bodyName, setBodyName] = useState('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const open = OPEN_STAGES.includes(stage);

  const save = async (): Promise<void> => {
    setBusy(true);
    const form = new FormData();
    form.append('noControlBody', String(noControlBody));
    if (noControlBody) form.append('reason', reason);
    else {
      form.append('bodyName', bodyName);
      form.append('date', date);
      if (file) form.append('file', file, file.name);
    }
    try {
      await post(`/coop/social-reports/${documentId}/attestation`, form);
      toggleNotification({ type: 'success', message: 'Attestazione registrata' });
      onSaved();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error, 'Attestazione non registrata') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="section" aria-labelledby="coop-attestation-title">
      <Typography id="coop-attestation-title" variant="pi" fontWeight="bold">
        Attestazione dell’organo di controllo (sezione 8)
      </Typography>
      {attestation ? (
        <Recorded attestation={attestation} />
      ) : (
        <Typography variant="pi" textColor="warning600">
          Non ancora allegata: serve prima dell’approvazione dell’assemblea.
        </Typography>
      )}
      {open && (
        <Box>
          <Checkbox checked={noControlBody} onCheckedChange={(checked: boolean) => setNoControlBody(checked === true)}>
            L’organizzazione non ha un organo di controllo
          </Checkbox>
          {noControlBody ? (
            <Field.Root name="reason" required>
              <Field.Label>Motivo (dove la legge lo consente)</Field.Label>
              <Textarea
                value={reason}
                onChange={(event: { target: { value: string } }) => setReason(event.target.value)}
              />
            </Field.Root>
          ) : (
            <>
              <Field.Root name="bodyName" required>
                <Field.Label>Organo di controllo</Field.Label>
                <TextInput
                  placeholder="Collegio sindacale"
                  value={bodyName}
                  onChange={(event: { target: { value: string } }) => setBodyName(event.target.value)}
                />
              </Field.Root>
              <Field.Root name="date" required>
                <Field.Label>Data dell’attestazione</Field.Label>
                <TextInput
                  type="date"
                  value={date}
                  onChange={(event: { target: { value: string } }) => setDate(event.target.value)}
                />
              </Field.Root>
              <Field.Root name="file" required>
                <Field.Label>Attestazione in PDF</Field.Label>
                <input
                  type="file"
                  name="file"
                  accept="application/pdf,.pdf"
                  aria-label="Attestazione in PDF"
                  onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                />
              </Field.Root>
            </>
          )}
          <Box paddingTop={2}>
            <Button variant="secondary" loading={busy} disabled={busy} onClick={() => void save()}>
              {attestation ? 'Sostituisci l’attestazione' : 'Registra l’attestazione'}
            </Button>
          </Box>
        </Box>
      )}
    </Flex>
  );
};
