export { MemberDevices } from './MemberDevices';
export { SecurityPanel } from './SecurityPanel';
export { SessionRefusal } from './SessionRefusal';
export { useSignInWait } from './useSecurityT';
