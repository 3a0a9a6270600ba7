/** English strings of Cloud API numbers (features/cloud). Every key must also exist in cloud.id.ts. */
export const cloudEn = {
  'cloud.heading': 'WhatsApp Cloud API numbers',
  'cloud.intro':
    'Numbers on Meta’s official Cloud API run on the workspace server, not on a desktop. Create the app and the number in Meta’s dashboard first; docs/cloud-api.md walks through it.',
  'cloud.offline': 'Cloud API numbers are kept on the workspace server. Connect to manage them.',
  'cloud.empty': 'No Cloud API numbers yet.',
  'cloud.webhook': 'Webhook URL for Meta’s dashboard: this server’s address followed by {path}',
  'cloud.add': 'Add a Cloud API number',
  'cloud.name': 'Name in the inbox',
  'cloud.phoneNumberId': 'Phone number ID',
  'cloud.phoneNumberId.help': 'WhatsApp → API Setup in Meta’s dashboard, under the number.',
  'cloud.wabaId': 'WhatsApp Business Account ID',
  'cloud.accessToken': 'Access token',
  'cloud.accessToken.help': 'A System User token with whatsapp_business_messaging and whatsapp_business_management.',
  'cloud.appSecret': 'App secret',
  'cloud.appSecret.help': 'App settings → Basic. The server checks every webhook request with it.',
  'cloud.verifyToken': 'Verify token',
  'cloud.verifyToken.help': 'Any phrase of 8 or more characters; type the same one in Meta’s webhook settings.',
  'cloud.save': 'Check and add',
  'cloud.checking': 'Checking with Meta…',
  'cloud.added': 'Added {name} ({phone}).',
  'cloud.remove': 'Remove',
  'cloud.remove.confirm': 'Remove {name}? Its chats stay readable; it stops receiving and sending.',
  'cloud.remove.yes': 'Remove',
  'cloud.remove.no': 'Keep',
  'cloud.error.server_key_missing':
    'The workspace server has no encryption key (MFA_ENCRYPTION_KEY), so it cannot keep the credentials safely. Ask whoever runs the server to set it.',
  'cloud.error.graph_refused':
    'Meta did not accept these details ({graphCode}). Check the phone number ID and the access token.',
  'cloud.error.number_exists': 'This number is already in the workspace.',
  'cloud.error.too_many_numbers': 'This workspace has as many Cloud API numbers as it may have.',
  'cloud.error.unavailable': 'Meta could not be reached. Try again in a minute.',
  'cloud.error.forbidden': 'Only admins manage Cloud API numbers.',
  'cloud.error.other': 'The server refused ({code}).',
  'cloud.window.closed':
    'The 24-hour customer-service window closed {ago}. WhatsApp only allows approved message templates now, and Blazz Desk cannot send templates yet: the customer has to write first.',
  'cloud.window.open': 'Customer-service window open: free replies until it closes {when}.',
} as const;
export type CloudMessageKey = keyof typeof cloudEn;
