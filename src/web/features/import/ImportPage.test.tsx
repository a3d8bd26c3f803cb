import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportReport, ImportRequest } from '../../../schemas/import';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { ImportPage } from './ImportPage';

// A Salesforce report as an admin exports it: owners by email, the Classic footer at the end.
const csv = [
  '"Opportunity ID","Opportunity Name","Owner Email","Stage","Created Date","Close Date"',
  '"SF-1","Globex renewal","dana@acme.example","Proposal","2026-03-04","2026-06-30"',
  '"SF-2","Initech pilot","nobody@acme.example","Proposal","2026-03-10","2026-07-31"',
].join('\r\n');
const report = (status: ImportReport['status'], problems: ImportReport['problems']) => ({
  preset: 'generic' as const,
  organisation: { slug: 'acme', isNew: false },
  status,
  counts: { opportunities: { read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 } },
  opportunitiesByStage: [],
  notes: [],
  problems,
});
const problem = {
  file: 'report.csv',
  line: 3,
  column: 'Owner Email',
  reason: 'no user with the id, email or name "nobody@acme.example"',
};

/** XMLHttpRequest as the page uploads with it: progress events, then the server's answer. */
function fakeXhr(answer: (request: ImportRequest) => ImportReport) {
  const sent: { request: ImportRequest; files: string[] }[] = [];
  class FakeXhr {
    status = 0;
    responseText = '';
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    open() {}
    setRequestHeader() {}
    send(form: FormData) {
      const request = JSON.parse(String(form.get('request'))) as ImportRequest;
      sent.push({
        request,
        files: form.getAll('files').map((file) => (file as File).name),
      });
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 } as ProgressEvent);
      setTimeout(() => {
        this.status = 200;
        this.responseText = JSON.stringify(answer(request));
        this.onload?.();
      }, 20);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

const admin = {
  ...(commonHandlers['GET /api/me']?.({} as never) as { body: { user: object } }).body,
};

describe('ImportPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lets an admin import a Salesforce export naming owners by email: labels in words, dry run listing every problem, then import skipping the bad row', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/me': () => ({
        body: { ...admin, user: { ...(admin.user as object), role: 'admin' } },
      }),
      'GET /api/import/setup': () => ({
        body: { maxFileBytes: 100 * 1024 * 1024, lastMappings: {} },
      }),
      'POST /api/import/preview': () => ({
        body: {
          headers: [
            'Opportunity ID',
            'Opportunity Name',
            'Owner Email',
            'Stage',
            'Created Date',
            'Close Date',
          ],
          rows: [['SF-1', 'Globex renewal', 'dana@acme.example', 'Proposal', '2026-03-04', '']],
          suggestedColumns: {
            opportunities: {
              externalId: 'Opportunity ID',
              name: 'Opportunity Name',
              ownerExternalId: 'Owner Email',
              stage: 'Stage',
              createdOn: 'Created Date',
              closeDate: 'Close Date',
            },
          },
        },
      }),
    });
    const sent = fakeXhr((request) =>
      request.skipBadRows
        ? report(request.dryRun ? 'dry_run' : 'imported', [problem])
        : report('rejected', [problem]),
    );
    renderWithProviders(<ImportPage />);
    await screen.findByText('Add a CSV file');
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, {
      target: { files: [new File([csv], 'report.csv', { type: 'text/csv' })] },
    });

    await screen.findByRole('table', { name: 'Preview of report.csv' });
    const valuesOf = (elements: HTMLElement[]) =>
      elements.map((element) => (element as HTMLInputElement).value);
    expect(valuesOf(screen.getAllByLabelText('This file holds'))).toContain(
      'Deals (opportunities)',
    );
    // The fields in the user's words, mapped from the export's headers.
    expect(valuesOf(screen.getAllByLabelText(/^Owner email/))).toContain('Owner Email');
    expect(valuesOf(screen.getAllByLabelText(/^Opportunity name/))).toContain('Opportunity Name');

    await userEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    const problems = await screen.findByRole('table', { name: 'Row problems' });
    expect(within(problems).getAllByRole('row')[1]?.textContent).toBe(
      'report.csv3Owner Emailno user with the id, email or name "nobody@acme.example"',
    );
    expect(screen.getByRole('button', { name: 'Import' })).toHaveProperty('disabled', true);

    await userEvent.click(screen.getByRole('checkbox', { name: /Skip bad rows/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    await screen.findByText(/Dry run: nothing was saved/);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported.');
    expect(sent.map(({ request }) => [request.dryRun, request.skipBadRows])).toEqual([
      [true, false],
      [true, true],
      [false, true],
    ]);
    expect(sent[2]).toEqual({
      request: expect.objectContaining({
        files: [
          {
            entity: 'opportunities',
            name: 'report.csv',
            columns: expect.objectContaining({ ownerExternalId: 'Owner Email' }),
          },
        ],
      }),
      files: ['report.csv'],
    });
  });

  it('is not there for a rep', async () => {
    mockApi(commonHandlers);
    renderWithProviders(<ImportPage />);
    expect(await screen.findByText(/not found/i)).toBeTruthy();
    expect(screen.queryByLabelText('Add a CSV file')).toBeNull();
  });
});
