/** English strings of two-step sign-in (features/security/mfa). Every key must also exist in mfa.id.ts. */
export const mfaEn = {
  'mfa.heading': 'Two-step sign-in',
  'mfa.intro': 'Besides your password, signing in asks for a code from an authenticator app on your phone.',
  'mfa.on': 'Two-step sign-in is on for your account.',
  'mfa.off': 'Two-step sign-in is off.',
  'mfa.start': 'Turn on two-step sign-in',
  'mfa.scan': 'Scan this code with your authenticator app, or type the key below into it.',
  'mfa.qrAlt': 'QR code for your authenticator app',
  'mfa.secret': 'Key for manual entry',
  'mfa.code': 'Code from the app',
  'mfa.confirm': 'Confirm and turn on',
  'mfa.busy': 'Working…',
  'mfa.error.invalid': 'That code is not right. Enter the code the app shows now.',
  'mfa.error.keyMissing':
    'Two-step sign-in is not set up on this workspace server yet. Ask your server administrator to set MFA_ENCRYPTION_KEY.',
  'mfa.error.offline': 'Connect to the workspace server to change two-step sign-in.',
  'mfa.error.failed': 'Could not change two-step sign-in: {message}',
  'mfa.recovery.heading': 'Recovery codes',
  'mfa.recovery.intro':
    'Keep these codes somewhere safe, away from your phone. Each one signs you in once instead of a code from the app. They are shown only now.',
  'mfa.recovery.saved': 'I have saved these codes',
  'mfa.recovery.left': 'Recovery codes left: {count}',
  'mfa.disable.code': 'Code from the app, to turn it off',
  'mfa.disable': 'Turn off two-step sign-in',
  'mfa.signIn.code': 'Authenticator code',
  'mfa.signIn.asked': 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
  'mfa.signIn.invalid': 'That code is not right or was already used. Enter the current code.',
  'mfa.recovery.newCode': 'Code from the app, for new recovery codes',
  'mfa.recovery.regenerate': 'Make new recovery codes',
  'mfa.policy.heading': 'Workspace policy',
  'mfa.policy.label': 'Admins must use two-step sign-in',
  'mfa.policy.hint':
    'An admin without it can only set it up: until then their desktop shows no chats and cannot change anything.',
  'mfa.policy.enrolFirst': 'Turn on your own two-step sign-in first; then you can require it of every admin.',
  'mfa.required.banner':
    'Your workspace requires admins to use two-step sign-in. Set it up to see the team’s chats again.',
  'mfa.required.open': 'Set up two-step sign-in',
  'mfa.required.section': 'Your workspace requires this for admins. Nothing syncs until it is on.',
  'mfa.reset.start': 'Turn off two-step sign-in',
  'mfa.reset.startOf': 'Turn off two-step sign-in for {name}',
  'mfa.reset.confirmTitle': 'Turn off two-step sign-in for {name}?',
  'mfa.reset.confirmBody':
    'Do this only when {name} lost both their phone and their recovery codes. They are signed out on every device and sign in again with their password alone; they can then set it up again.',
  'mfa.reset.done': 'Two-step sign-in is off for {name}, and they were signed out everywhere.',
  'mfa.reset.notOn': '{name} does not use two-step sign-in.',
} as const;

export type MfaMessageKey = keyof typeof mfaEn;
