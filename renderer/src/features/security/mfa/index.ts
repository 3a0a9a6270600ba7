/** Two-step sign-in in the app: the Settings section and the sign-in form's code field (docs/team.md). */
export { TwoStepSection } from './TwoStepSection';
export { useSignInCode } from './SignInCode';
export { EnrolmentRequiredBanner } from './EnrolmentRequiredBanner';
export { MfaReset } from './MfaReset';
