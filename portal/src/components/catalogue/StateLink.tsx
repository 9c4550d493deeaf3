import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { stateUrl, type CatalogueState } from '../../lib/catalogue-state.ts';

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'> & {
  to: CatalogueState;
  /** Applies the state in place; a modified click (new tab, new window) follows the link instead. */
  onFollow: (to: CatalogueState) => void;
};

/** A link to another state of the catalogue: a real address without JavaScript, applied in place with it. */
const StateLink = ({ to, onFollow, ...attributes }: Props) => (
  <a
    {...attributes}
    href={stateUrl(to)}
    onClick={(event: MouseEvent<HTMLAnchorElement>) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      onFollow(to);
    }}
  />
);

export default StateLink;
