/** A number's stored business hours (automation_settings.hours, JSON) read back; unreadable or invalid: none. */
import { businessHoursSchema } from '../../../common/automation/hours';
import type { BusinessHours } from '../../../common/automation/hours';

export function parseHours(text: string | null): BusinessHours | null {
  if (text === null) return null;
  try {
    const parsed = businessHoursSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
