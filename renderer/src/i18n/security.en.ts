/** English strings of the security features (features/security). Every key must also exist in security.id.ts. */
export const securityEn = {
  'security.heading': 'Security',
  'security.devices.heading': 'Your devices',
  'security.devices.intro': 'Devices signed in to the workspace as you. Sign out any you do not recognise.',
  'security.devices.device': 'Device',
  'security.devices.lastSeen': 'Last active',
  'security.devices.ip': 'Address',
  'security.devices.created': 'Signed in',
  'security.devices.current': 'This device',
  'security.devices.signOut': 'Sign out this device',
  'security.devices.signOutOf': 'Sign out {device}',
  'security.devices.signedOut': '{device} was signed out. It must sign in again.',
  'security.devices.none': 'No devices are signed in.',
  'security.devices.loading': 'Loading devices…',
  'security.devices.offline': 'The device list needs a connection to the workspace server.',
  'security.devices.failed': 'Could not load the devices: {message}',
  'security.devices.signOutFailed': 'Could not sign the device out: {message}',
  'security.devices.unknownIp': 'unknown',
  'security.platform.win': 'Windows',
  'security.platform.mac': 'Mac',
  'security.platform.linux': 'Linux',
  'security.platform.web': 'Web',
  'security.platform.other': 'Other',
  'security.admin.heading': 'Members’ devices',
  'security.admin.member': 'Member',
  'security.admin.intro': 'Pick a member to see the devices signed in as them, and sign any of them out.',
  'security.expired.notice': 'Your session expired. Sign in again; the chats on this device are kept.',
  'security.refused.notice':
    'The workspace no longer accepts this device’s sign-in. Sign in again; the chats on this device are kept.',
} as const;

export type SecurityMessageKey = keyof typeof securityEn;
