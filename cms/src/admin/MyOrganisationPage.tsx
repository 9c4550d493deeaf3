import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorMessage } from './api-errors';
import { useCallback, useEffect, useState } from 'react';

type Member = {
  id: number;
  email: string;
  firstname: string | null;
  lastname: string | null;
  role: 'Responsabile' | 'Operatore' | 'Lettore';
  isActive: boolean;
  invitationPending: boolean;
};
type Overview = {
  organisation: { documentId: string; name: string; anagraficaConfirmedAt: string | null };
  role: Member['role'];
  team: Member[];
};

const formatDate = (iso: string): string =>
  new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

/** "La mia organizzazione": the Responsabile confirms the anagrafica and manages Operatori and Lettori. */
const MyOrganisationPage = () => {
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [invite, setInvite] = useState({ email: '', firstname: '', lastname: '', role: 'Operatore' });

  const load = useCallback(() => {
    get<{ data: Overview }>('/coop/my-organisation')
      .then(({ data }) => setOverview(data.data))
      .catch((error: unknown) => setFailure(errorMessage(error, 'Operazione non riuscita')));
  }, [get]);
  useEffect(load, [load]);

  const run = async (action: () => Promise<unknown>, success: string): Promise<void> => {
    try {
      await action();
      toggleNotification({ type: 'success', message: success });
      load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error, 'Operazione non riuscita') });
    }
  };

  if (failure) {
    return (
      <Page.Main>
        <Layouts.Header title="La mia organizzazione" />
        <Layouts.Content>
          <Typography>{failure}</Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!overview) return <Page.Loading />;
  const isResponsabile = overview.role === 'Responsabile';

  return (
    <Page.Main>
      <Layouts.Header title={overview.organisation.name} subtitle={`Il suo ruolo: ${overview.role}`} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">
              Anagrafica
            </Typography>
            <Box paddingTop={2} paddingBottom={4}>
              <Typography>
                {overview.organisation.anagraficaConfirmedAt
                  ? `Confermata il ${formatDate(overview.organisation.anagraficaConfirmedAt)}.`
                  : 'Non ancora confermata: ricontrollate i dati dell’organizzazione in Contenuti › Organizzazione, poi confermateli qui.'}
              </Typography>
            </Box>
            {isResponsabile && (
              <Button onClick={() => void run(() => post('/coop/my-organisation/confirm'), 'Anagrafica confermata')}>
                Confermo che l’anagrafica è corretta
              </Button>
            )}
          </Box>

          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">
              Utenti dell’organizzazione
            </Typography>
            <Box paddingTop={4}>
              <Table colCount={4} rowCount={overview.team.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">Nome</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">E-mail</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">Ruolo</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">Stato</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {overview.team.map((member) => (
                    <Tr key={member.id}>
                      <Td>
                        <Typography>{[member.firstname, member.lastname].filter(Boolean).join(' ')}</Typography>
                      </Td>
                      <Td>
                        <Typography>{member.email}</Typography>
                      </Td>
                      <Td>
                        <Typography>{member.role}</Typography>
                      </Td>
                      <Td>
                        <Flex gap={2}>
                          <Typography>
                            {member.invitationPending ? 'Invito inviato' : member.isActive ? 'Attivo' : 'Disattivato'}
                          </Typography>
                          {isResponsabile && member.role !== 'Responsabile' && !member.invitationPending && (
                            <Button
                              variant="tertiary"
                              size="S"
                              onClick={() =>
                                void run(
                                  () => put(`/coop/my-organisation/users/${member.id}`, { isActive: !member.isActive }),
                                  member.isActive ? 'Account disattivato' : 'Account attivato',
                                )
                              }
                            >
                              {member.isActive ? 'Disattiva' : 'Attiva'}
                            </Button>
                          )}
                        </Flex>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Box>
          </Box>

          {isResponsabile && (
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="delta" tag="h2">
                Nuovo utente
              </Typography>
              <Flex gap={4} paddingTop={4} alignItems="flex-end" wrap="wrap">
                {(['email', 'firstname', 'lastname'] as const).map((field) => (
                  <Field.Root key={field} name={field} required={field !== 'lastname'}>
                    <Field.Label>{{ email: 'E-mail', firstname: 'Nome', lastname: 'Cognome' }[field]}</Field.Label>
                    <TextInput
                      value={invite[field]}
                      onChange={(event: { target: { value: string } }) =>
                        setInvite({ ...invite, [field]: event.target.value })
                      }
                    />
                  </Field.Root>
                ))}
                <Field.Root name="role" required>
                  <Field.Label>Ruolo</Field.Label>
                  <SingleSelect
                    value={invite.role}
                    onChange={(role: string | number) => setInvite({ ...invite, role: String(role) })}
                  >
                    <SingleSelectOption value="Operatore">Operatore</SingleSelectOption>
                    <SingleSelectOption value="Lettore">Lettore</SingleSelectOption>
                  </SingleSelect>
                </Field.Root>
                <Button
                  onClick={() =>
                    void run(
                      () => post('/coop/my-organisation/users', invite),
                      `Invito inviato a ${invite.email}`,
                    ).then(() => setInvite({ email: '', firstname: '', lastname: '', role: invite.role }))
                  }
                >
                  Invita
                </Button>
              </Flex>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default MyOrganisationPage;
