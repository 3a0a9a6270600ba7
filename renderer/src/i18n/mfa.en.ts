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
} as const;

export type MfaMessageKey = keyof typeof mfaEn;
