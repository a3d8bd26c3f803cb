import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, renderWithProviders } from '../../test-utils';
import { PlanDocumentActions } from './PlanDocumentActions';

// The plan pages' JSON actions: the import is offered to those who may write the plan, sends
// the file's document, and lists each problem the server names by its JSON path.

const path = '/api/rep-plans/p1/document';
const actions = (canImport: boolean) => (
  <PlanDocumentActions
    documentPath={path}
    fileName="rep-plan"
    canImport={canImport}
    refreshKeys={[['rep-plans']]}
    importNote="Replaces the draft"
  />
);
const upload = (text: string) => {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  return userEvent.upload(input, new File([text], 'plan.json', { type: 'application/json' }));
};

describe('PlanDocumentActions', () => {
  it('offers only the download to a reader', () => {
    mockApi({});
    renderWithProviders(actions(false));
    expect(screen.getByRole('button', { name: 'Download (JSON)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import from JSON' })).toBeNull();
  });

  it("sends the file's document and lists every problem by its path", async () => {
    const { calls } = mockApi({
      [`POST ${path}`]: () => ({
        status: 422,
        body: {
          error: {
            code: 'unprocessable',
            message: '$.targetAccounts[1]: is not an account of this organisation',
            issues: [
              { field: '$.cadence', reason: 'Invalid option' },
              { field: '$.targetAccounts[1]', reason: 'is not an account of this organisation' },
            ],
          },
        },
      }),
    });
    renderWithProviders(actions(true));
    await upload('{"format":"salesplan-rep-plan","cadence":"weekly"}');
    await screen.findByText('The file was not imported');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      format: 'salesplan-rep-plan',
      cadence: 'weekly',
    });
    expect(screen.getByText('$.cadence')).toBeTruthy();
    expect(screen.getByText('$.targetAccounts[1]')).toBeTruthy();
  });

  it('says a file that is not JSON is not, without sending it', async () => {
    const { calls } = mockApi({});
    renderWithProviders(actions(true));
    await upload('not json');
    await waitFor(() => expect(screen.getByText('is not a JSON document')).toBeTruthy());
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
