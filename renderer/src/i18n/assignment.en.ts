/** English strings of Settings → Automation, "Assignment". Every key must also exist in assignment.id.ts. */
export const assignmentEn = {
  'assignment.heading': 'Assignment',
  'assignment.mode': 'Assign new conversations',
  'assignment.mode.off': 'Off (a lead assigns them)',
  'assignment.mode.round_robin': 'Round-robin',
  'assignment.mode.least_busy': 'Least busy',
  'assignment.help':
    'A customer’s message to an unassigned chat goes to a member of this number who is online and under their capacity: in turn (round-robin) or to whoever has the fewest open chats (least busy). When nobody can take it, the chat waits unassigned and is given out, oldest first, as soon as someone comes online or resolves a chat.',
  'assignment.capacity': 'Capacity (most open chats)',
  'assignment.capacity.help':
    'Counted over every number; chats that are not resolved are open. New members start at {n}.',
  'assignment.capacity.member': 'Capacity of {name}',
  'assignment.reassign': 'Reassign after (minutes without a reply)',
  'assignment.reassign.none': 'Never',
  'assignment.reassign.help':
    'When a customer has waited this many minutes for a reply from the team, or the assignee goes offline while the customer waits, the chat moves to another member who can take it (the mode above picks). Once per wait, so a chat does not bounce. Empty: chats stay with their assignee. Works only when assignment is on.',
  'assignment.save': 'Save assignment',
  'assignment.saved': 'Saved.',
  'assignment.loading': 'Loading…',
  'assignment.error.forbidden': 'Only admins and leads of this number may change this.',
  'assignment.error.not_found': 'This number is not in the workspace.',
  'assignment.error.invalid_args': 'Check the values: capacity is 1 to 1000 chats.',
  'assignment.error.other': 'Could not save. Try again.',
} as const;

export type AssignmentMessageKey = keyof typeof assignmentEn;
