export { MemberDevices } from './MemberDevices';
export { SecurityPanel } from './SecurityPanel';
export { ResetCodeField } from './ResetCodeField';
export { SessionRefusal } from './SessionRefusal';
export { useSecurityT, useSignInWait } from './useSecurityT';
