import { Button, TextInput } from '@mantine/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../api/client';
import { renderWithProviders } from '../test-utils';
import { useSchemaForm } from './useSchemaForm';

const PersonInput = z.object({
  name: z.string().trim().min(1, 'must not be blank'),
  ageYears: z.number().int().min(18, 'must be at least 18'),
  team: z.string().nullable(),
});

function PersonForm({
  save,
  failWith,
}: {
  save: (input: z.output<typeof PersonInput>) => void;
  failWith?: unknown;
}) {
  const { form, formError, onSubmit, showServerError } = useSchemaForm({
    schema: PersonInput,
    initialValues: { name: '', age: '30' },
    toInput: (values) => ({ name: values.name, ageYears: Number(values.age), team: null }),
    // The schema says ageYears; the form shows it on its "age" text.
    fieldOf: (path) => (path === 'ageYears' ? 'age' : path === 'name' ? 'name' : undefined),
    check: (values) => (/^\d+$/.test(values.age) ? {} : { age: 'Enter whole years' }),
  });
  return (
    <form
      noValidate
      onSubmit={onSubmit((input) => {
        save(input);
        if (failWith) showServerError(failWith);
      })}
    >
      {formError && <div role="alert">{formError}</div>}
      <TextInput label="Name" {...form.getInputProps('name')} />
      <TextInput label="Age" {...form.getInputProps('age')} />
      <Button type="submit">Save</Button>
    </form>
  );
}

describe('useSchemaForm', () => {
  it("shows the shared schema's issues under the fields they name, in sentence case", async () => {
    const save = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<PersonForm save={save} />);

    await user.clear(screen.getByLabelText('Age'));
    await user.type(screen.getByLabelText('Age'), '12');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Must not be blank')).toBeTruthy();
    expect(screen.getByText('Must be at least 18')).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });

  it("puts the form's own check before the schema's words", async () => {
    const save = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<PersonForm save={save} />);

    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.clear(screen.getByLabelText('Age'));
    await user.type(screen.getByLabelText('Age'), 'old');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Enter whole years')).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });

  it('hands the parsed input to save (trimmed by the schema)', async () => {
    const save = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<PersonForm save={save} />);

    await user.type(screen.getByLabelText('Name'), '  Ada  ');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(save).toHaveBeenCalledWith({ name: 'Ada', ageYears: 30, team: null });
  });

  it('puts a server issue under its field and one no field shows above the form', async () => {
    const user = userEvent.setup();
    const error = new ApiError(422, 'validation_failed', 'The request is not valid', [
      { field: 'ageYears', reason: 'is over the limit' },
      { field: 'teamId', reason: 'no such team' },
    ]);
    renderWithProviders(<PersonForm save={vi.fn()} failWith={error} />);

    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Is over the limit')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(
      'The request is not valid (teamId: no such team)',
    );
  });
});
