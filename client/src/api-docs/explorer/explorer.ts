// The GraphQL explorer (/api/explorateur, explorer.html): GraphiQL, self-hosted with its
// Monaco editor workers, pointed at this deployment's /graphql. A page of its own: React and
// Monaco never weigh on the Vue application's pages.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { searchByCategoryAndTerritory } from '../api-examples';

/** POSTs the operation as JSON; the session cookie is not sent, an Authorization header typed in "Headers" is. */
const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...options?.headers },
    body: JSON.stringify(params),
  });
  return response.json();
};

const container = document.getElementById('explorer');
if (!container) throw new Error('explorer.html has no #explorer element');
createRoot(container).render(
  createElement(GraphiQL, {
    fetcher,
    initialQuery: searchByCategoryAndTerritory.query,
    initialVariables: JSON.stringify(searchByCategoryAndTerritory.variables, null, 2),
    defaultEditorToolsVisibility: 'variables',
  }),
);
