import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

const KINDS: Record<string, string> = {
  'api::practice-card.practice-card': 'practice-card',
  'api::social-report.social-report': 'social-report',
};

type ActionProps = { model: string; documentId?: string; [key: string]: unknown };
type ActionDescription = { disabled?: boolean; [key: string]: unknown } | null;
export type DocumentAction = ((props: ActionProps) => ActionDescription) & { type?: string; position?: unknown };

/** Whether the workflow keeps this user from changing the document now (the redazione has it). */
const useReadOnly = (model: string, documentId: string | undefined): boolean => {
  const { get } = useFetchClient();
  const [readOnly, setReadOnly] = useState(false);
  const kind = KINDS[model];
  useEffect(() => {
    if (!kind || !documentId) return;
    let current = true;
    get<{ data: { readOnly: string | null } }>(`/coop/workflow/${kind}/${documentId}`)
      .then(({ data }) => current && setReadOnly(data.data.readOnly !== null))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [get, kind, documentId]);
  return readOnly;
};

/**
 * The Content Manager's "Salva", disabled on a document the workflow makes read-only for this
 * user (the banner of the workflow panel says why); the server refuses such a save anyway.
 */
export const saveDisabledWhileHeld = (Save: DocumentAction): DocumentAction => {
  const Wrapped: DocumentAction = (props) => {
    const readOnly = useReadOnly(props.model, props.documentId);
    const description = Save(props);
    return description && readOnly ? { ...description, disabled: true } : description;
  };
  Wrapped.type = Save.type;
  Wrapped.position = Save.position;
  return Wrapped;
};
