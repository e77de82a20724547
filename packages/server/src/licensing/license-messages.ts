import type { MailMessage } from '../mail/mailer.js';
import type { LicenseFlag } from '@aim/db';

/** The emails of LIC-13, each carrying the license number; the alternate email is copied (ACC-5). */
export type LicenseEmailEvent = 'SUBMITTED' | 'CORRECTED' | 'ACTION_REQUIRED' | 'CANCELLED';

export interface Recipient {
  email: string;
  alternateEmail: string | null;
}

const subjects: Record<LicenseEmailEvent, (number: string) => string> = {
  SUBMITTED: (number) => `AIM license ${number} issued`,
  CORRECTED: (number) => `AIM license ${number} corrected`,
  ACTION_REQUIRED: (number) => `AIM license ${number}: action required`,
  CANCELLED: (number) => `AIM license ${number} cancelled`,
};

function body(event: LicenseEmailEvent, number: string, flags: readonly LicenseFlag[], note: string | null): string {
  switch (event) {
    case 'SUBMITTED':
      return `Your aluminum import license ${number} was issued. Put this number on the CBP entry summary (form 7501).`;
    case 'CORRECTED':
      return `Your correction of license ${number} was saved. The number stays the same.`;
    case 'CANCELLED':
      return `License ${number} was cancelled. A cancelled license cannot be restored and is not valid for any entry.`;
    case 'ACTION_REQUIRED':
      return [
        `License ${number} needs your attention before it is used:`,
        ...flags.map((flag) => `- ${flag.reason}`),
        ...(note ? ['', `Message from the Commerce analyst: ${note}`] : []),
        '',
        'Open the license in AIM, then either confirm it without change or correct it.',
      ].join('\n');
  }
}

export function licenseMessage(
  event: LicenseEmailEvent,
  recipient: Recipient,
  license: { number: string; flags: readonly LicenseFlag[] },
  note: string | null = null,
): MailMessage {
  return {
    to: recipient.email,
    cc: recipient.alternateEmail ? [recipient.alternateEmail] : [],
    subject: subjects[event](license.number),
    text: body(event, license.number, license.flags, note),
  };
}

/**
 * LIC-13: a bulk upload sends one email that gives the count, not the numbers; the filer finds
 * them on the upload's answer and in My licenses.
 */
export function bulkUploadMessage(recipient: Recipient, upload: { count: number; actionRequired: number }): MailMessage {
  const licenses = (count: number) => `${count.toLocaleString('en-US')} aluminum import license${count === 1 ? '' : 's'}`;
  return {
    to: recipient.email,
    cc: recipient.alternateEmail ? [recipient.alternateEmail] : [],
    subject: `AIM: ${licenses(upload.count)} issued from your upload`,
    text: [
      `Your spreadsheet upload was accepted: ${licenses(upload.count)} were issued.`,
      ...(upload.actionRequired
        ? [
            '',
            `${upload.actionRequired.toLocaleString('en-US')} of them need your attention before they are used: AIM found something unusual. Open each one marked Action required in AIM, then either confirm it without change or correct it.`,
          ]
        : []),
      '',
      'The license numbers are in the upload\'s answer and under My licenses in AIM. Put each number on the CBP entry summary (form 7501) of its entry.',
    ].join('\n'),
  };
}
