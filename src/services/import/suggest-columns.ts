import {
  type ColumnMap,
  type ImportEntity,
  importEntities,
  fieldLabelsOf,
  importFields,
} from '../../schemas/import';
import { looseKey } from './context';

// The web Import page proposes a column map from the headers; the user confirms or changes it.

const synonyms: Record<string, readonly string[]> = {
  externalId: [
    'id',
    'recordid',
    'externalid',
    'opportunityid',
    'accountid',
    'contactid',
    'dealid',
    'productid',
    'userid',
  ],
  name: [
    'name',
    'fullname',
    'accountname',
    'opportunityname',
    'dealname',
    'productname',
    'account',
    'product',
  ],
  email: ['email', 'emailaddress'],
  role: ['role', 'title'],
  managerExternalId: ['manager', 'managerid', 'reportsto'],
  territory: ['territory', 'region', 'regionaloffice', 'office'],
  industry: ['industry', 'sector'],
  country: ['country', 'billingcountry', 'officelocation'],
  employees: ['employees', 'numberofemployees'],
  annualRevenue: ['annualrevenue', 'revenue'],
  parentName: ['parent', 'parentaccount', 'subsidiaryof'],
  website: ['website', 'url'],
  ownerExternalId: [
    'owner',
    'ownerid',
    'opportunityowner',
    'dealowner',
    'accountowner',
    'salesagent',
    'rep',
  ],
  // Ids only: an account's name points at no account unless a file of accounts gives it as id.
  accountExternalId: ['accountid', 'account', 'associatedcompanyids', 'companyid'],
  productExternalId: ['product', 'productid', 'productname'],
  firstName: ['firstname', 'givenname'],
  lastName: ['lastname', 'surname', 'familyname'],
  title: ['title', 'jobtitle'],
  phone: ['phone', 'phonenumber', 'mobile'],
  series: ['series', 'family', 'productfamily'],
  listPrice: ['listprice', 'price', 'salesprice', 'unitprice'],
  amount: ['amount', 'value', 'closevalue', 'dealamount'],
  stage: ['stage', 'dealstage', 'dealstage'],
  createdOn: ['created', 'createddate', 'createdate', 'createdon', 'engagedate'],
  expectedCloseOn: ['expectedclose', 'expectedclosedate'],
  closedOn: ['closedon', 'closeddate'],
  closeDate: ['closedate', 'close'],
  nextStep: ['nextstep'],
  type: ['type', 'activitytype', 'tasktype'],
  status: ['status'],
  occursOn: ['date', 'activitydate', 'duedate', 'occurson'],
  opportunityExternalId: ['opportunityid', 'opportunity', 'dealid'],
  contactExternalId: ['contactid', 'contact'],
  subject: ['subject'],
  outcome: ['outcome', 'result', 'comments'],
};

/** For each entity, field → the first header whose name matches one of the field's names. */
export function suggestColumns(
  headers: readonly string[],
): Partial<Record<ImportEntity, ColumnMap>> {
  const byKey = new Map(headers.map((header) => [looseKey(header), header]));
  const suggestions: Partial<Record<ImportEntity, ColumnMap>> = {};
  for (const entity of importEntities) {
    const columns: ColumnMap = {};
    const labels = new Map(fieldLabelsOf(entity));
    for (const field of importFields[entity]) {
      // The label first: a filled-in template (importTemplateCsv) maps itself.
      const label = labels.get(field)?.label;
      const names = [
        ...(label ? [looseKey(label)] : []),
        looseKey(field),
        ...(synonyms[field] ?? []),
      ];
      const header = names.map((name) => byKey.get(name)).find((found) => found !== undefined);
      if (header !== undefined) columns[field] = header;
    }
    suggestions[entity] = columns;
  }
  return suggestions;
}
