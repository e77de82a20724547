import { tables } from '@aim/db';
import { asc, eq } from 'drizzle-orm';
import type { Request, Response } from 'express';
import { findOwnLicense } from '../licensing/find-license.js';
import type { LicenseProduct, Smelt } from '../licensing/license.model.js';
import { type LicenseRoot, toLicense, toLicenseProduct } from '../licensing/license-record.js';
import { referenceData } from '../reference/reference-data.js';
import type { Services } from '../services.js';
import { viewerOf } from './viewer.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every value a filer typed passes through here before it reaches the page. */
const text = (value: string | number | null | undefined) => String(value ?? '').replace(/[&<>"']/g, (char) => escapes[char] ?? char);

const statusWords = { SUBMITTED: 'Submitted', CORRECTED: 'Corrected', ACTION_REQUIRED: 'Action required', CANCELLED: 'Cancelled' } as const;
const entryTypeWords = { CONSUMPTION: 'Consumption', FOREIGN_TRADE_ZONE: 'Foreign-trade zone admission', WAREHOUSE_WITHDRAWAL: 'Warehouse withdrawal for consumption' } as const;
const kilograms = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
// Unit values go to four decimals, as the form shows them: a cent per kg hides a metric-ton mix-up.
const perKg = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
const calendar = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
const date = (value: string | null) => (value ? calendar.format(new Date(`${value}T12:00:00Z`)) : '');
const smelt = (value: Smelt) => (value.answer === 'COUNTRY' ? (value.country?.name ?? '') : value.answer === 'NOT_APPLICABLE' ? 'Not applicable' : 'Unknown');

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(title)}</title>
<style>
  @page { size: letter; margin: 0.6in; }
  body { font-family: "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.35; }
  header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 3px solid #1b1b1b; padding-bottom: 0.5rem; }
  .number { font: bold 2.4rem/1 "Roboto Mono", monospace; letter-spacing: 0.08em; margin: 0.25rem 0 0; }
  .status { font-weight: bold; font-size: 1.2rem; border: 2px solid #1b1b1b; padding: 0.2rem 0.6rem; }
  h1 { font-size: 1.3rem; margin: 0; }
  h2 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; border-bottom: 1px solid #a9aeb1; }
  dl { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.4rem 1.5rem; margin: 0; }
  dt { font-weight: bold; font-size: 0.85rem; }
  dd { margin: 0; }
  table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
  th, td { text-align: left; padding: 0.3rem; border-bottom: 1px solid #a9aeb1; vertical-align: top; }
  td.amount { text-align: right; white-space: nowrap; }
  .flags { border: 2px solid #b50909; padding: 0.4rem 0.8rem; margin-top: 1rem; }
  footer { margin-top: 1.5rem; font-size: 0.85rem; color: #454545; }
  @media print { body { margin: 0; max-width: none; } .screen-only { display: none; } }
  @media (max-width: 40em) { dl { grid-template-columns: 1fr; } header { flex-direction: column; gap: 0.5rem; } }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

const field = (label: string, value: string) => (value ? `<div><dt>${text(label)}</dt><dd>${text(value)}</dd></div>` : '');

function licenseHtml(license: LicenseRoot, products: LicenseProduct[], printedAt: string): string {
  const applicant = license.applicant;
  const productRows = products
    .map(
      (product) => `<tr>
  <td>${product.line}</td>
  <td>${text(product.hts.display)}<br><small>${text(product.hts.description)}</small></td>
  <td>${text(smelt(product.largestSmelt))}</td>
  <td>${text(smelt(product.secondSmelt))}</td>
  <td>${text(product.mostRecentCast.name)}</td>
  <td class="amount">${text(kilograms.format(product.volumeKg))} kg</td>
  <td class="amount">${text(dollars.format(product.customsValueUsd))}</td>
  <td class="amount">${text(perKg.format(product.unitValueUsdPerKg))} per kg</td>
</tr>`,
    )
    .join('\n');
  return page(
    `AIM license ${license.number}`,
    `<header>
  <div>
    <h1>U.S. aluminum import license (19 CFR part 361)</h1>
    <p class="number">${text(license.number)}</p>
    <p>${license.kind === 'LOW_VALUE' ? 'Low value license' : 'Standard license'}</p>
  </div>
  <p class="status">${text(statusWords[license.status])}</p>
</header>
${license.status === 'CANCELLED' ? '<p class="flags"><strong>Cancelled: this license is not valid for any entry.</strong></p>' : ''}
${license.flags.length ? `<div class="flags"><strong>Action required:</strong><ul>${license.flags.map((flag) => `<li>${text(flag.reason)}</li>`).join('')}</ul></div>` : ''}
<h2>Validity</h2>
<dl>
  ${field('Applied for', date(license.applicationDate))}
  ${field('Valid from', date(license.validFrom))}
  ${field('Valid through', license.validThrough ? date(license.validThrough) : 'Does not expire (foreign-trade zone)')}
</dl>
<h2>Entry</h2>
<dl>
  ${field('Importer', license.importerName)}
  ${field('Exporter', license.exporterName ?? '')}
  ${field('Manufacturers', license.manufacturerNames.join(', '))}
  ${field('Entry type', entryTypeWords[license.entryType])}
  ${field('Customs entry number', license.customsEntryNumber ?? '')}
  ${field('Country of origin', license.countryOfOrigin?.name ?? '')}
  ${field('Country of exportation', license.countryOfExportation?.name ?? '')}
  ${field('Expected port of entry', license.portOfEntry ? `${license.portOfEntry.name} (${license.portOfEntry.code})` : '')}
  ${field('Expected date of export', date(license.expectedExportDate))}
  ${field('Expected date of import', date(license.expectedImportDate))}
</dl>
${
  products.length
    ? `<h2>Products</h2>
<table>
  <thead><tr><th>Line</th><th>HTS number</th><th>Largest smelt</th><th>Second largest smelt</th><th>Most recent cast</th><th>Volume</th><th>Customs value</th><th>Unit value</th></tr></thead>
  <tbody>
${productRows}
  </tbody>
</table>
<p>Total: ${text(kilograms.format(license.totalVolumeKg))} kg, ${text(dollars.format(license.totalCustomsValueUsd))}.</p>`
    : ''
}
<h2>Applicant</h2>
<dl>
  ${field('Company', `${applicant.name} (EIN ${applicant.ein})`)}
  ${field('Address', `${applicant.street}, ${applicant.city}, ${applicant.state} ${applicant.zip}`)}
  ${field('Phone', applicant.phone)}
  ${field('Fax', applicant.fax ?? '')}
  ${field('Contact', `${license.contactName}, ${license.contactEmail}`)}
</dl>
<footer>
  Printed ${text(printedAt)} from AIM, the Aluminum Import Monitoring and Analysis system. Put the license number on the CBP entry summary (form 7501).
  <span class="screen-only">Use your browser's Print command to print this page.</span>
</footer>`,
  );
}

/**
 * DASH-3: `GET /api/licenses/:number/print`, the filer's license as a page made for paper. Another
 * company's number answers exactly like one that does not exist (X-2).
 */
export function licensePrintHandler(services: Services) {
  return async (req: Request<{ number: string }>, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    const viewer = await viewerOf(services, req);
    if (!viewer) {
      res.status(401).type('html').send(page('Sign in to print', '<h1>Sign in to print this license</h1><p><a href="/licensing/sign-in">Sign in</a>, then open the license again.</p>'));
      return;
    }
    const row = await findOwnLicense(services.db, viewer, req.params.number);
    if (!row) {
      res.status(404).type('html').send(page('No such license', '<h1>No such license</h1><p>Your company has no license with this number.</p>'));
      return;
    }
    const reference = await referenceData(services.db);
    const products = await services.db
      .select()
      .from(tables.licenseProducts)
      .where(eq(tables.licenseProducts.licenseId, row.id))
      .orderBy(asc(tables.licenseProducts.line));
    const printedAt = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'America/New_York' }).format(services.clock());
    res.type('html').send(licenseHtml(toLicense(row, reference), products.map((product) => toLicenseProduct(product, reference)), `${printedAt} Eastern`));
  };
}
