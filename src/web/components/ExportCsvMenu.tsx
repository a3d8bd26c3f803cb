import { Button, Menu, Text } from '@mantine/core';
import { CSV_FORMATS, type CsvFormat } from '../../domain/csv-export';
import { type QueryValue, toQueryString } from '../api/client';
import { ImportIcon } from './icons';

const FORMATS: Record<CsvFormat, { label: string; description: string }> = {
  plain: { label: 'CSV (UTF-8)', description: 'For other tools and the Salesplan import' },
  excel: { label: 'Excel', description: 'Commas and a decimal point' },
  'excel-semicolon': {
    label: 'Excel, semicolons',
    description: 'For Excel set to a decimal comma (German, French…)',
  },
};

/**
 * Downloads every row the list's filters keep, in its order (not only the page shown): plain
 * links to the list route with `csv=`, so the browser streams the file to disk as it comes.
 */
export function ExportCsvMenu({
  path,
  filters,
  label = 'Export CSV',
  importsBack = true,
}: {
  /** The list route, `/api/opportunities`. */
  path: string;
  /** The list's filters and sort, as the page sends them. */
  filters: Record<string, QueryValue>;
  /** The button's words, where a page has more than one list ('Export rep plans'). */
  label?: string;
  /** Whether the file imports back (the record lists); a plan list's is for reading only. */
  importsBack?: boolean;
}) {
  return (
    <Menu position="bottom-end" width={300}>
      <Menu.Target>
        <Button variant="default" leftSection={<ImportIcon size={16} />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label="Every row the filters show, as CSV">
        {CSV_FORMATS.map((format) => (
          <Menu.Item
            key={format}
            component="a"
            href={`${path}${toQueryString({ ...filters, csv: format })}`}
            download
          >
            <Text size="sm">{FORMATS[format].label}</Text>
            <Text size="xs" c="dimmed">
              {format === 'plain' && !importsBack ? 'For other tools' : FORMATS[format].description}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
