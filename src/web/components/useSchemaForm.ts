import { type FormErrors, schemaResolver, useForm, type UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { useMemo } from 'react';
import { type FieldErrors, normalisePath, sentence, serverFieldErrors } from './form-errors';

// Every form: @mantine/form holds the values, the shared Zod schema checks them (through
// Mantine's Standard Schema resolver, the same schema the API parses with), and a failed save
// lands on the fields by the one mapping in form-errors.ts. A form only says how its values
// become the schema's input and, where a field is named differently, where a path shows.

export type SchemaFormOptions<Values, Schema extends z.ZodType> = {
  schema: Schema;
  initialValues: Values;
  /** The values as the schema's input: blanks as null, money text as minor units. */
  toInput: (values: Values) => z.input<Schema>;
  /** Schema paths shown on a differently named value, e.g. `{ amountMinor: 'amount' }`. */
  renamed?: Record<string, string>;
  /** Where a schema or server path shows, for forms whose shape differs from the schema's. */
  fieldOf?: (path: string, values: Values) => string | undefined;
  /** What only the form can see, e.g. money text that is not a number (keys are form fields). */
  check?: (values: Values) => FormErrors;
};

export type SchemaForm<Values, Schema extends z.ZodType> = {
  form: UseFormReturnType<Values>;
  /** The message that belongs to no field: a server answer, or a schema issue no field shows. */
  formError: string | undefined;
  /** Every field's message as text, by form field. */
  errors: FieldErrors;
  /** The form's onSubmit: checks, then hands the parsed input to `save`. */
  onSubmit: (
    save: (input: z.output<Schema>, values: Values) => void,
  ) => (event?: React.FormEvent<HTMLFormElement>) => void;
  /** Shows a failed save: issues under their fields, the rest above the form. */
  showServerError: (error: unknown) => void;
  /** Typed props for a value-and-onChange field (pickers, dates, money); text inputs use getInputProps. */
  field: <Name extends keyof Values & string>(name: Name) => FieldProps<Values[Name]>;
};

export type FieldProps<Value> = {
  value: Value;
  onChange: (value: Value) => void;
  error: string | undefined;
};

export function useSchemaForm<Values extends Record<string, unknown>, Schema extends z.ZodType>(
  options: SchemaFormOptions<Values, Schema>,
): SchemaForm<Values, Schema> {
  const { schema, toInput, check } = options;
  // By default a path shows on the value of its name, and nowhere when the form has none.
  const fieldOf =
    options.fieldOf ??
    ((path: string) =>
      options.renamed?.[path] ??
      ((path.split('.')[0] ?? '') in options.initialValues ? path : undefined));
  const resolve = schemaResolver(schema, { sync: true });

  function validate(values: Values): FormErrors {
    const errors: FormErrors = {};
    for (const [path, message] of Object.entries(resolve(toInput(values)))) {
      const field = fieldOf(normalisePath(path), values) ?? '_form';
      const reason = typeof message === 'string' ? sentence(message) : message;
      if (field === '_form') errors._form ??= `${path}: ${String(reason)}`;
      else errors[field] ??= reason;
    }
    // The form's own words come first: "Amount: not a number" says more than the schema's.
    return { ...errors, ...check?.(values) };
  }

  const form = useForm<Values>({ initialValues: options.initialValues, validate });
  const formError = form.errors._form;
  // As text, and the same object until the errors change, for memoised sections.
  const errors = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(form.errors).map(([field, reason]) => [field, String(reason)]),
      ),
    [form.errors],
  );

  return {
    form,
    formError: formError === undefined || formError === null ? undefined : String(formError),
    onSubmit: (save) =>
      form.onSubmit((values) => {
        save(schema.parse(toInput(values)), values);
      }),
    errors,
    showServerError: (error) =>
      form.setErrors(serverFieldErrors(error, (path) => fieldOf(path, form.getValues()))),
    field: (name) => {
      const error = form.errors[name];
      // Mantine's onChange takes a value or an input event; these fields send the value.
      const { onChange } = form.getInputProps(name);
      return {
        value: form.values[name],
        onChange: (value) => {
          onChange(value);
        },
        error: error === undefined || error === null ? undefined : String(error),
      };
    },
  };
}
