import { Badge, Switch, TextInput } from '@mantine/core';
import { formatMoney } from '../../../domain/money-format';
import { type Product, ProductInput } from '../../../schemas/products';
import { blankToNull } from '../../components/form-errors';
import { MoneyInput } from '../../components/MoneyInput';
import { minorToInputText, parseMoneyInput } from '../../components/money';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useSession } from '../session/useSession';
import { AdminFormFrame } from './AdminFormFrame';
import { AdminRecordPanel } from './AdminRecordPanel';
import { conflictOnField } from './admin-form';
import { useSaveAdminRecord } from './useAdmin';

type ProductValues = {
  name: string;
  externalId: string;
  series: string;
  listPrice: string;
  currency: string;
  typicalShare: string;
  isActive: boolean;
};

/** '2' or '2.5' (%) as basis points; blank is none; undefined when it is not 0–100 in 0.01 %. */
export function typicalShareBpOf(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.').replace(/%$/, '').trim();
  if (trimmed === '') return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) return undefined;
  const basisPoints = Math.round(Number(trimmed) * 100);
  return basisPoints <= 10_000 ? basisPoints : undefined;
}

function ProductForm({ product, onDone }: { product: Product | null; onDone: () => void }) {
  const session = useSession();
  const save = useSaveAdminRecord<ProductInput, Product>('products');
  const currency = product?.currency ?? session.data?.organisation.currency ?? 'EUR';
  const { form, field, formError, onSubmit, showServerError } = useSchemaForm({
    schema: ProductInput,
    initialValues: {
      name: product?.name ?? '',
      externalId: product?.externalId ?? '',
      series: product?.series ?? '',
      listPrice: minorToInputText(product?.listPriceMinor ?? null, currency),
      currency,
      typicalShare:
        product?.typicalShareBp === null || product?.typicalShareBp === undefined
          ? ''
          : String(product.typicalShareBp / 100),
      isActive: product?.isActive ?? true,
    } satisfies ProductValues as ProductValues,
    toInput: (values) => {
      const price = parseMoneyInput(values.listPrice, values.currency);
      return {
        name: values.name,
        externalId: blankToNull(values.externalId),
        series: blankToNull(values.series),
        listPriceMinor: price.ok ? price.amountMinor : null,
        currency: values.currency.trim().toUpperCase(),
        typicalShareBp: typicalShareBpOf(values.typicalShare) ?? null,
        isActive: values.isActive,
      };
    },
    renamed: { listPriceMinor: 'listPrice', typicalShareBp: 'typicalShare' },
    check: (values) => {
      const price = parseMoneyInput(values.listPrice, values.currency);
      const errors: Record<string, string> = price.ok
        ? {}
        : { listPrice: `List price: ${price.reason}` };
      if (typicalShareBpOf(values.typicalShare) === undefined)
        errors.typicalShare = 'Typical share: a percentage from 0 to 100, e.g. 2 or 2.5';
      return errors;
    },
  });
  return (
    <AdminFormFrame
      label="Product"
      formError={formError}
      isSaving={save.isPending}
      onCancel={onDone}
      onSubmit={onSubmit((input) =>
        save.mutate(
          { id: product?.id ?? null, input },
          {
            onSuccess: onDone,
            onError: (error) => showServerError(conflictOnField(error, 'name')),
          },
        ),
      )}
    >
      <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
      <TextInput label="Series" {...form.getInputProps('series')} />
      <TextInput
        label="Currency"
        description="ISO code, e.g. EUR"
        required
        {...form.getInputProps('currency')}
      />
      <MoneyInput label="List price" currency={form.values.currency} {...field('listPrice')} />
      <TextInput
        label="Typical share (%)"
        description="Of a key account's annual revenue spent on this product: the whitespace potential where none is entered"
        inputMode="decimal"
        {...form.getInputProps('typicalShare')}
      />
      <TextInput
        label="External id"
        description="Its id in your CRM, for imports"
        {...form.getInputProps('externalId')}
      />
      <Switch
        label="Active: can be picked on new deals"
        {...form.getInputProps('isActive', { type: 'checkbox' })}
      />
    </AdminFormFrame>
  );
}

/** The catalogue deals are for; a product on deals is deactivated, not deleted. */
export function ProductsPanel() {
  return (
    <AdminRecordPanel<Product>
      list="products"
      noun="product"
      description="Deals name a product. A product on any deal cannot be deleted: deactivate it so new deals cannot pick it."
      idOf={(product) => product.id}
      nameOf={(product) => product.name}
      columns={[
        { header: 'Name', cell: (product) => product.name },
        { header: 'Series', cell: (product) => product.series ?? '' },
        {
          header: 'List price',
          isNumeric: true,
          cell: (product) =>
            product.listPriceMinor === null
              ? ''
              : formatMoney(product.listPriceMinor, product.currency),
        },
        {
          header: 'Status',
          cell: (product) =>
            product.isActive ? (
              <Badge variant="light" color="green">
                Active
              </Badge>
            ) : (
              <Badge variant="light" color="gray">
                Inactive
              </Badge>
            ),
        },
      ]}
      renderForm={(product, onDone) => <ProductForm product={product} onDone={onDone} />}
    />
  );
}
