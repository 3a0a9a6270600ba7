import type { AccountStatusCode } from '../../../common/account-status';

/** Why a number is in its state (common/account-status.ts), and what to check. */
const reasons = {
  'status.opening': 'Opening WhatsApp Web…',
  'status.loading_chats': 'Loading chats…',
  'status.linked_loading': 'Linked. Loading chats…',
  'status.reconnecting': 'Reconnecting to WhatsApp…',
  'status.phone_unreachable': 'The phone or the network cannot be reached. Waiting…',
  'status.no_network': 'This computer has no internet connection (WhatsApp Web’s address could not be found).',
  'status.whatsapp_unreachable': 'WhatsApp Web cannot be reached from this network.',
  'status.browser_missing': 'No Chrome, Chromium or Edge was found on this computer.',
  'status.browser_path_invalid': 'The browser chosen for this number cannot be used.',
  'status.browser_cannot_start': 'The browser could not start.',
  'status.browser_sandbox_root': 'The browser refuses to start because Blazz Desk runs as the administrator (root).',
  'status.profile_locked': 'Another browser window is using this number’s browser profile.',
  'status.inject_failed': 'WhatsApp Web changed and this version of Blazz Desk cannot read it yet.',
  'status.qr_expired': 'The QR code expired without being scanned.',
  'status.logged_out_phone': 'This computer was logged out from the phone (Linked devices).',
  'status.unpaired': 'WhatsApp unlinked this computer.',
  'status.logged_out_here': 'Logged out on this computer.',
  'status.session_restore_failed': 'The saved session could not be restored.',
  'status.opened_elsewhere': 'WhatsApp Web was opened elsewhere with this number.',
  'status.number_blocked': 'WhatsApp has blocked this number.',
  'status.network_refused': 'WhatsApp refused the connection from this network (proxy or VPN).',
  'status.outdated': 'WhatsApp Web reports this version as outdated.',
  'status.browser_closed': 'The WhatsApp browser closed unexpectedly.',
  'status.process_crashed': 'The number’s process stopped unexpectedly.',
  'status.ready_timeout': 'WhatsApp Web did not finish loading in time.',
  'status.not_responding': 'The number stopped responding.',
  'status.memory_restart': 'Restarted to free memory.',
  'status.disconnected_other': 'WhatsApp disconnected.',
  'status.unknown': 'Something went wrong while starting this number.',
  'status.host_offline': 'The computer that runs this number is offline; replies wait until it is back.',
  'status.cloud_number_removed': 'An admin removed this Cloud API number from the workspace; its chats stay readable.',
} as const satisfies Record<`status.${AccountStatusCode}`, string>;

/** What to check, for the codes a person can do something about. */
const nextSteps = {
  'status.no_network.next': 'Check the Wi-Fi or cable, then try again.',
  'status.whatsapp_unreachable.next':
    'Open web.whatsapp.com in a browser on this computer. A company firewall, proxy or VPN may block it.',
  'status.browser_missing.next':
    'Install Google Chrome (recommended), or choose the browser’s path under Edit account → Browser.',
  'status.browser_path_invalid.next':
    'Under Edit account → Browser, choose the browser’s program file, or leave it empty.',
  'status.browser_cannot_start.next': 'Check that the chosen browser opens on its own, or choose another one.',
  'status.browser_sandbox_root.next': 'Start Blazz Desk as your normal user, not as root or with sudo.',
  'status.profile_locked.next': 'Close the other Blazz Desk or browser window using this number, then try again.',
  'status.inject_failed.next':
    'Update Blazz Desk. Trying again later may help when WhatsApp Web rolls the change back.',
  'status.qr_expired.next': 'Try again for a new code, and have the phone ready to scan it.',
  'status.logged_out_phone.next': 'Start the number and scan the new QR code to link it again.',
  'status.unpaired.next': 'Start the number and scan the new QR code to link it again.',
  'status.logged_out_here.next': 'Start the number and scan the new QR code to link it again.',
  'status.session_restore_failed.next': 'Start the number and scan the new QR code to link it again.',
  'status.opened_elsewhere.next': 'Start the number to take the session back to this computer.',
  'status.number_blocked.next': 'Check the WhatsApp app on the phone.',
  'status.network_refused.next': 'Turn off the proxy or VPN, or try another network.',
  'status.outdated.next': 'Update Blazz Desk.',
  'status.ready_timeout.next': 'A slow connection or a phone with many chats can take longer. Try again.',
} as const;

export const accountStatusEn = {
  ...reasons,
  ...nextSteps,
  'status.nextTry': 'Next try in {time}.',
  'status.tryingNow': 'Trying again…',
  'status.stoppedAfter': 'Stopped after {count} failed tries in a row.',
  'status.tryAgain': 'Try again now',
  'status.cancelLinking': 'Cancel',
  'status.cancelLinking.help': 'Cancel removes this number; it was never linked, so nothing is lost.',
  'status.whatToCheck': 'What to check',
  'status.details': 'Technical details',
  'browser.label': 'Browser (Chrome, Chromium or Edge)',
  'browser.detected': 'Detected: {path}',
  'browser.noneDetected': 'No browser was found on this computer: choose one.',
  'browser.help': 'Leave empty to use the detected browser. Google Chrome is best: Chromium cannot send videos.',
  'browser.problem.missing': 'There is no file at this path.',
  'browser.problem.not_a_file': 'This path is a folder, not the browser’s program file.',
  'browser.problem.not_executable': 'This file is not a program this computer may run.',
  'browser.useDetected': 'Use the detected browser',
} as const;

export type AccountStatusMessageKey = keyof typeof accountStatusEn;
