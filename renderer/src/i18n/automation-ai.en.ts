/** English strings of Settings → Automation, "AI for rules" (admins). Every key must also exist in automation-ai.id.ts. */
export const automationAiEn = {
  'automationAi.heading': 'AI for rules',
  'automationAi.help':
    'The workspace server asks this OpenAI-compatible endpoint for the mood of each customer message while a rule with a mood condition is on. Only http and https addresses. The key stays on the server.',
  'automationAi.baseUrl': 'Endpoint (base URL)',
  'automationAi.model': 'Model',
  'automationAi.apiKey': 'API key',
  'automationAi.key.set': 'A key is set. Type a new one to replace it.',
  'automationAi.key.notSet': 'No key is set.',
  'automationAi.key.remove': 'Remove the key',
  'automationAi.save': 'Save AI for rules',
  'automationAi.off': 'Turn off',
  'automationAi.saved': 'Saved.',
  'automationAi.loading': 'Loading…',
  'automationAi.error.invalid_args': 'Check the values: an http or https address and a model.',
  'automationAi.error.unavailable': 'The server cannot keep a key: its server key is not configured.',
  'automationAi.error.other': 'Could not save. Try again.',
} as const;

export type AutomationAiMessageKey = keyof typeof automationAiEn;
