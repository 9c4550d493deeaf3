import { InputRenderer, useFetchClient, useForm } from '@strapi/strapi/admin';
import { useEffect, useState, type ComponentProps } from 'react';
import { useParams } from 'react-router-dom';
import { figureKey } from '../../domain/social-report/comparison';

const MODEL = 'api::social-report.social-report';

type Comparison = { year: number; figures: Record<string, number> } | null;

// One request per report opened, shared by all of its fields.
const comparisons = new Map<string, Promise<Comparison>>();

const useComparison = (documentId: string | undefined): Comparison => {
  const { get } = useFetchClient();
  const [comparison, setComparison] = useState<Comparison>(null);
  useEffect(() => {
    if (!documentId || documentId === 'create') return;
    let loading = comparisons.get(documentId);
    if (!loading) {
      loading = get<{ data: Comparison }>(`/coop/social-reports/${documentId}/comparison`)
        .then(({ data }) => data.data)
        .catch(() => null);
      comparisons.set(documentId, loading);
      // Reopening the report later reads last year's figures again.
      setTimeout(() => comparisons.delete(documentId), 60_000);
    }
    let current = true;
    void loading.then((found) => current && setComparison(found));
    return () => {
      current = false;
    };
  }, [documentId, get]);
  return comparison;
};

const numberFormat = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });

type Props = ComponentProps<typeof InputRenderer> & { unique?: unknown; mainField?: unknown };

/**
 * Number fields of the admin: in a social report, last year's figure of the same field (of the
 * same row, found by its kind) shows beside it as the value to compare with, never as this year's.
 */
export const ComparisonInput = (props: Props) => {
  const { unique: _unique, mainField: _mainField, ...input } = props;
  const { slug, id } = useParams<{ slug: string; id: string }>();
  const isReport = slug === MODEL;
  const comparison = useComparison(isReport ? id : undefined);
  const parts = input.name.split('.');
  const rowPath = parts.length === 4 ? parts.slice(0, 3).join('.') : null;
  const row = useForm('ComparisonInput', (state) =>
    rowPath
      ? (rowPath
          .split('.')
          .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], state.values) as
          Record<string, unknown> | undefined)
      : undefined,
  );
  const key = isReport ? figureKey(input.name, () => row) : null;
  const previous = key && comparison ? comparison.figures[key] : undefined;
  const hint =
    previous === undefined ? (
      input.hint
    ) : (
      <>
        {input.hint}
        {input.hint ? ' · ' : ''}
        <span data-testid={`comparison-${input.name}`}>
          {comparison?.year}: {numberFormat.format(previous)}
        </span>
      </>
    );
  return <InputRenderer {...input} hint={hint} />;
};
